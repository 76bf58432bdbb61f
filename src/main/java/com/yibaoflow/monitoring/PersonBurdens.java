package com.yibaoflow.monitoring;

import com.yibaoflow.monitoring.ReferralViews.MonthView;
import com.yibaoflow.monitoring.ReferralViews.PersonView;
import com.yibaoflow.monitoring.ReferralViews.ReferralView;
import com.yibaoflow.monitoring.ReferralViews.WarningView;
import com.yibaoflow.shared.id.ResidentIdNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's burden history (issue #19 §4, {@code GET /api/monitoring/persons/{idNumber}}): out-of-pocket cost by
 * month from their claims, the scans that warned them, and their referrals ({@link ReferralQueries}).
 */
@Service
@Transactional(readOnly = true)
class PersonBurdens {

    private final JdbcTemplate jdbc;
    private final ReferralQueries referralQueries;
    private final LineProvenance lines;

    PersonBurdens(JdbcTemplate jdbc, ReferralQueries referralQueries, LineProvenance lines) {
        this.jdbc = jdbc;
        this.referralQueries = referralQueries;
        this.lines = lines;
    }

    /** Burden by month from the person's claims (visible regions), the scans' warnings, referrals and outcomes. */
    PersonView person(String idNumber, Collection<String> visible) {
        String[] regions = visible.toArray(String[]::new);
        List<MonthView> months = new ArrayList<>();
        Map<Integer, BigDecimal> ytd = new HashMap<>();
        jdbc.query(
                """
                select to_char(settlement_date, 'YYYY-MM') as month, extract(year from settlement_date)::int as year,
                       count(*) as claims, sum(total_cost) as total,
                       sum(coalesce(basic_paid, 0) + coalesce(critical_paid, 0) + coalesce(assistance_paid, 0)) as paid,
                       count(*) filter (where basic_paid is null or critical_paid is null or assistance_paid is null)
                           as without_paid
                from yibao.claim where id_number = ? and region_code = any(?)
                group by 1, 2 order by 1""",
                rs -> {
                    BigDecimal total = rs.getBigDecimal("total");
                    BigDecimal paid = rs.getBigDecimal("paid");
                    BigDecimal out = total.subtract(paid);
                    BigDecimal cumulative = ytd.merge(rs.getInt("year"), out, BigDecimal::add);
                    months.add(new MonthView(
                            rs.getString("month"),
                            rs.getInt("claims"),
                            total,
                            paid,
                            out,
                            cumulative,
                            rs.getInt("without_paid")));
                },
                idNumber,
                regions);
        LineProvenance.Lookup provenance = lines.lookup();
        List<WarningView> warnings = jdbc.query(
                """
                select w.scan_id, s.as_of, s.coverage_year, s.region_code, w.population_group, w.out_of_pocket,
                       w.warning_line, s.policy_label
                from yibao.monitoring_warning w join yibao.monitoring_scan s on s.id = w.scan_id
                where w.id_number = ? and s.region_code = any(?) order by s.as_of, w.scan_id""",
                (rs, i) -> new WarningView(
                        rs.getLong(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getString(8),
                        provenance.of(rs.getString(8), rs.getString(5))),
                idNumber,
                regions);
        List<ReferralView> referrals = referralQueries.ofPerson(idNumber, regions);
        if (months.isEmpty() && warnings.isEmpty() && referrals.isEmpty()) {
            return null;
        }
        return new PersonView(ResidentIdNumber.mask(idNumber), months, warnings, referrals);
    }
}
