package com.yibaoflow.monitoring;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-based part of a claims import (issue #19 §1), over the rows {@link ClaimStaging} COPYed into the
 * transaction's {@code claim_load}: one statement writes every row error, one upserts the good rows into
 * {@code claim} on the claim id (docs/benchmarks.md has their plans).
 */
final class ClaimLoadSql {

    private ClaimLoadSql() {}

    /**
     * The rules between cells and rows, checked over the staged rows in one scan: {condition, field, reason}. The
     * cells themselves were read by {@link ClaimStaging} (a cell it could not read is null here and already an error).
     */
    private static final List<String[]> RULES = List.of(
            new String[] {
                "region_code is not null and region_code <> all (?::text[])",
                "regionCode",
                "'「参保地区划」不是您可以导入结算数据的地区：' || region_code"
            },
            new String[] {"settlement_date > ?", "settlementDate", "'「结算日期」晚于今天：' || settlement_date"},
            new String[] {"total_cost < 0", "totalCost", "'「医疗总费用」不能为负数'"},
            new String[] {"policy_scope_cost < 0", "policyScopeCost", "'「政策范围内费用」不能为负数'"},
            new String[] {"policy_scope_cost > total_cost", "policyScopeCost", "'「政策范围内费用」超过医疗总费用 ' || total_cost"},
            new String[] {"basic_paid < 0", "basicPaid", "'「基本医保支付」不能为负数'"},
            new String[] {"critical_paid < 0", "criticalIllnessPaid", "'「大病保险支付」不能为负数'"},
            new String[] {"assistance_paid < 0", "assistancePaid", "'「医疗救助支付」不能为负数'"},
            new String[] {
                "coalesce(basic_paid, 0) + coalesce(critical_paid, 0) + coalesce(assistance_paid, 0) > total_cost",
                "basicPaid",
                "'基本医保、大病保险和医疗救助支付合计超过医疗总费用 ' || total_cost"
            });

    /**
     * One statement writes every row error: the cells {@link ClaimStaging} could not read, a claim id seen in an
     * earlier row of the file (a narrow sort by claim id, in memory), and the {@link #RULES} (plain comparisons; the
     * lateral list only for the rows that break one).
     */
    private static final String CHECKS = """
            insert into yibao.claim_import_error (import_id, row_number, field, reason)
            select ?, row_number, split_part(p, U&'\\001F', 1), left(split_part(p, U&'\\001F', 2), 500)
            from claim_load cross join unnest(string_to_array(problems, U&'\\001E')) p
            where problems is not null
            union all
            select ?, row_number, 'claimId', '「结算单号」与本文件第 ' || first_row || ' 行重复'
            from (select row_number, min(row_number) over (partition by claim_id collate "C") as first_row
                  from claim_load where claim_id is not null) d
            where first_row < row_number
            union all
            select ?, s.row_number, e.field, left(e.reason, 500)
            from claim_load s cross join lateral (values %s) e(field, reason)
            where (%s) and e.field is not null""".formatted(
            String.join(
                    ", ",
                    RULES.stream()
                            .map(r -> "(case when " + r[0] + " then '" + r[1] + "' end, " + r[2] + ")")
                            .toList()),
            String.join(" or ", RULES.stream().map(r -> "(" + r[0] + ")").toList()));

    private static final String UPSERT = """
            with up as (
                insert into yibao.claim (claim_id, id_number, region_code, settlement_date, hospital_level,
                    total_cost, policy_scope_cost, basic_paid, critical_paid, assistance_paid, rural, import_id)
                select claim_id, id_number, region_code, settlement_date, hospital_level, total_cost,
                       policy_scope_cost, basic_paid, critical_paid, assistance_paid, rural, ?
                from claim_load s
                where not exists (select 1 from yibao.claim_import_error e
                    where e.import_id = ? and e.row_number = s.row_number)
                on conflict (claim_id) do update set
                    id_number = excluded.id_number, region_code = excluded.region_code,
                    settlement_date = excluded.settlement_date, hospital_level = excluded.hospital_level,
                    total_cost = excluded.total_cost, policy_scope_cost = excluded.policy_scope_cost,
                    basic_paid = excluded.basic_paid, critical_paid = excluded.critical_paid,
                    assistance_paid = excluded.assistance_paid, rural = excluded.rural,
                    import_id = excluded.import_id, corrected_at = ?
                where (claim.id_number, claim.region_code, claim.settlement_date, claim.hospital_level,
                       claim.total_cost, claim.policy_scope_cost, claim.basic_paid, claim.critical_paid,
                       claim.assistance_paid, claim.rural)
                    is distinct from
                      (excluded.id_number, excluded.region_code, excluded.settlement_date,
                       excluded.hospital_level, excluded.total_cost, excluded.policy_scope_cost,
                       excluded.basic_paid, excluded.critical_paid, excluded.assistance_paid, excluded.rural)
                returning (xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from up""";

    /** Writes the row errors of import {@code id}: unreadable cells, duplicates, the {@link #RULES}. */
    static void check(JdbcTemplate jdbc, long id, Set<String> uploaderRegions, LocalDate asOf) {
        jdbc.update(
                CHECKS,
                ps -> { // the placeholders in statement order: the three import ids, the rules' in values, in where
                    int i = 1;
                    ps.setLong(i++, id);
                    ps.setLong(i++, id);
                    ps.setLong(i++, id);
                    java.sql.Array regions = ps.getConnection().createArrayOf("text", uploaderRegions.toArray());
                    java.sql.Date today = java.sql.Date.valueOf(asOf);
                    for (int pass = 0; pass < 2; pass++) {
                        for (String[] rule : RULES) {
                            if (rule[0].contains("?")) {
                                ps.setObject(i++, rule[0].contains("text[]") ? regions : today);
                            }
                        }
                    }
                });
    }

    /**
     * Upserts the rows without errors; a claim held with other figures is replaced ({@code corrected_at}), one held
     * with the same figures is left. Returns {inserted, corrected}.
     */
    static int[] upsert(JdbcTemplate jdbc, long id, Timestamp now) {
        return jdbc.queryForObject(UPSERT, (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, id, id, now);
    }
}
