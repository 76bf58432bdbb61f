package com.yibaoflow.hardship;

import com.yibaoflow.enrollment.HardshipRosterMatches;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the current department rosters (花名册): a person is on a roster for a category when the current version
 * of the owning department's roster for the region lists them with a validity that covers the day.
 */
@Repository
public class Rosters implements HardshipRosterMatches {

    private final JdbcTemplate jdbc;

    Rosters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current roster version listing the person under the category on the day, if any. */
    public Optional<Long> currentVersionListing(
            String idNumber, String category, String department, String regionCode, LocalDate asOf) {
        return jdbc
                .query("""
                        select v.id from yibao.roster_entry e join yibao.roster_version v on v.id = e.version_id
                        where v.current and v.department = ? and v.region_code = ? and e.id_number = ?
                          and e.category = ? and e.valid_from <= ? and (e.valid_to is null or e.valid_to >= ?)""", (rs, i) -> rs.getLong(1), department, regionCode, idNumber, category, asOf, asOf)
                .stream()
                .findFirst();
    }

    /** The roster version behind an R-SUB-11 entitlement of the person to the category for the year, if any. */
    public Optional<Long> entitlement(String idNumber, String category, String regionCode, int coverageYear) {
        return jdbc.query("""
                        select roster_version_id from yibao.subsidy_entitlement
                        where id_number = ? and category = ? and region_code = ? and coverage_year = ?""", (rs, i) -> rs.getLong(1), idNumber, category, regionCode, coverageYear).stream()
                .findFirst();
    }

    /** A person on the current rosters of a region, with every category they are listed under. */
    public record ListedPerson(String idNumber, String name, String township, List<String> categories) {}

    /**
     * The people the current rosters of the region list with a validity overlapping {@code from}–{@code to}, by
     * township (or only the one township), name and ID number; a person without township is under 未填写乡镇.
     */
    public List<ListedPerson> listed(String regionCode, LocalDate from, LocalDate to, String township) {
        return jdbc.query(
                """
                        select e.id_number, min(e.name), coalesce(min(e.township), '未填写乡镇'),
                               string_agg(distinct e.category, ',' order by e.category)
                        from yibao.roster_entry e join yibao.roster_version v on v.id = e.version_id
                        where v.current and v.region_code = ?
                          and e.valid_from <= ? and (e.valid_to is null or e.valid_to >= ?)
                          and (cast(? as varchar) is null or e.township = ?)
                        group by e.id_number
                        order by 3, 2, 1""",
                (rs, i) -> new ListedPerson(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        List.of(rs.getString(4).split(","))),
                regionCode,
                to,
                from,
                township,
                township);
    }

    /**
     * For many people at once (e.g. the monitoring scan's candidates): the categories each is listed under on the day
     * by a current roster of the region or entitled to for the year by an earlier roster (R-SUB-11, unless the
     * entitlement lapsed at the enrollment's check); people listed nowhere are absent from the map.
     */
    public Map<String, List<String>> currentCategoriesOf(
            Collection<String> idNumbers, String regionCode, int coverageYear, LocalDate asOf) {
        Map<String, TreeSet<String>> found = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return Map.of();
        }
        String ids = String.join(",", idNumbers);
        jdbc.query(
                """
                        select e.id_number, e.category from yibao.roster_entry e
                        join yibao.roster_version v on v.id = e.version_id
                        where v.current and v.region_code = ? and e.id_number = any (string_to_array(?, ','))
                          and e.valid_from <= ? and (e.valid_to is null or e.valid_to >= ?)
                        union
                        select id_number, category from yibao.subsidy_entitlement
                        where region_code = ? and coverage_year = ? and id_number = any (string_to_array(?, ','))
                          and status <> 'LAPSED'""",
                rs -> {
                    found.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                },
                regionCode,
                ids,
                asOf,
                asOf,
                regionCode,
                coverageYear,
                ids);
        Map<String, List<String>> result = new HashMap<>();
        found.forEach((id, categories) -> result.put(id, List.copyOf(categories)));
        return result;
    }

    @Override
    public List<String> currentCategories(String idNumber, String regionCode, int coverageYear, LocalDate asOf) {
        return jdbc.queryForList("""
                        select distinct e.category from yibao.roster_entry e
                        join yibao.roster_version v on v.id = e.version_id
                        where v.current and v.region_code = ? and e.id_number = ?
                          and e.valid_from <= ? and (e.valid_to is null or e.valid_to >= ?)
                        order by 1""", String.class, regionCode, idNumber, asOf, asOf);
    }
}
