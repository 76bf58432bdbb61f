package com.yibaoflow.audit;

import com.yibaoflow.shared.problem.DomainException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.NativeHistoricProcessInstanceQuery;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case search as one statement over Camunda's history (its public native query, issue #20 §3): the filters on
 * the process instance, and "waits at a task of this department / past its due date" as an {@code EXISTS} on the
 * open tasks. (Fetching the matching tasks' instance ids first and passing them back as a list, as before, sent tens
 * of thousands of parameters at a county's size: docs/benchmarks.md, "Audit case search".) Values are bound, never
 * spliced into the text.
 *
 * <p>Bound values have a cost: the JDBC driver prepares a statement on the server after its fifth run on a
 * connection, and PostgreSQL may then plan it once for any value ("generic plan"), assuming {@code LIKE ?} matches
 * 0.5 % of the rows. It then takes the trigram index even for a {@code regionCode} that, in one county's database,
 * matches every case: 55 → 326 ms at 450 000 cases (docs/benchmarks.md). {@link #planWithValues} makes the
 * transaction's statements planned with their values, as each search's selectivity differs by orders of magnitude.
 */
final class CaseSearchSql {

    private static final String FROM =
            " from ACT_HI_PROCINST RES left join ACT_RE_PROCDEF DEF on RES.PROC_DEF_ID_ = " + "DEF.ID_ where 1 = 1";

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final String orderBy;

    CaseSearchSql(CaseSearch.Criteria c, CaseSearch.Sort sort, Instant now) {
        if (c.type() != null) {
            condition("RES.PROC_DEF_KEY_ = #{type}", "type", c.type());
        }
        String q = c.q() == null ? "" : c.q().trim().replaceAll("[%_\\\\]", "");
        if (c.regionCode() != null) {
            if (!c.regionCode().matches("\\d{6}")) {
                throw DomainException.invalidField("regionCode", "must be a six-digit region code");
            }
            // business keys carry the region: ENR-{region}-{year}-{id}, HV-ENR-{region}-…
            condition(
                    "RES.BUSINESS_KEY_ like #{key}",
                    "key",
                    "%-" + c.regionCode() + "-%" + (q.isEmpty() ? "" : q + "%"));
        } else if (!q.isEmpty()) {
            condition("RES.BUSINESS_KEY_ like #{key}", "key", "%" + q + "%");
        }
        if (c.state() != null) {
            where.append(
                    switch (c.state()) {
                        case "ACTIVE", "SUSPENDED", "COMPLETED", "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED" -> {
                            parameters.put("state", c.state());
                            yield " and RES.STATE_ = #{state}";
                        }
                        case "OPEN" -> " and RES.END_TIME_ is null";
                        case "ENDED" -> " and RES.END_TIME_ is not null";
                        default ->
                            throw DomainException.invalidField(
                                    "state",
                                    "must be OPEN, ENDED, ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED or "
                                            + "INTERNALLY_TERMINATED");
                    });
        }
        if (c.from() != null) {
            condition("RES.START_TIME_ >= #{from}", "from", Date.from(c.from()));
        }
        if (c.to() != null) {
            condition("RES.START_TIME_ <= #{to}", "to", Date.from(c.to()));
        }
        if (c.department() != null || Boolean.TRUE.equals(c.overdue())) {
            where.append(" and exists (select 1 from ACT_RU_TASK T where T.PROC_INST_ID_ = RES.PROC_INST_ID_"
                    + " and T.SUSPENSION_STATE_ = 1");
            if (c.department() != null) {
                // a task offered to the department, claimed by one of its people or not
                condition(
                        "exists (select 1 from ACT_RU_IDENTITYLINK L where L.TASK_ID_ = T.ID_ and L.TYPE_ = "
                                + "'candidate' and L.GROUP_ID_ = #{department})",
                        "department",
                        c.department());
            }
            if (Boolean.TRUE.equals(c.overdue())) {
                condition("T.DUE_DATE_ < #{now}", "now", Date.from(now));
            }
            where.append(")");
        }
        orderBy = switch (sort) {
            case STARTED_ASC -> " order by RES.START_TIME_ asc, RES.ID_ asc";
            case BUSINESS_KEY -> " order by RES.BUSINESS_KEY_ asc, RES.ID_ asc";
            default -> " order by RES.START_TIME_ desc, RES.ID_ desc";
        };
    }

    /**
     * Plans the current transaction's statements with their bound values (PostgreSQL's {@code plan_cache_mode},
     * until the transaction ends; a pooled connection keeps its default). Planning one takes well under a millisecond.
     */
    static void planWithValues(JdbcTemplate jdbc) {
        jdbc.queryForObject("select set_config('plan_cache_mode', 'force_custom_plan', true)", String.class);
    }

    private void condition(String sql, String name, Object value) {
        where.append(" and ").append(sql);
        parameters.put(name, value);
    }

    NativeHistoricProcessInstanceQuery count(HistoryService history) {
        return bind(history.createNativeHistoricProcessInstanceQuery().sql("select count(*)" + FROM + where));
    }

    NativeHistoricProcessInstanceQuery list(HistoryService history) {
        return bind(history.createNativeHistoricProcessInstanceQuery()
                .sql("select RES.*, DEF.NAME_, DEF.VERSION_" + FROM + where + orderBy));
    }

    private NativeHistoricProcessInstanceQuery bind(NativeHistoricProcessInstanceQuery query) {
        parameters.forEach(query::parameter);
        return query;
    }
}
