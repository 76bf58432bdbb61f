package com.yibaoflow.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who read whose data, when, and what (issue #20 §6): an auditor lists the readers of a case or person. */
@Repository
class ReadLog {

    record Read(String readBy, Instant readAt, String what, String subject, String detail) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReadLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String readBy, String what, String subject, String detail) {
        jdbc.update(
                "insert into yibao.audit_read (read_by, read_at, what, subject, detail) values (?, ?, ?, ?, ?)",
                readBy,
                Timestamp.from(clock.instant()),
                what,
                subject,
                detail);
    }

    /** The reads of a subject: a business key, or any business key containing the ID number given. */
    List<Read> of(String subject) {
        return jdbc.query(
                "select read_by, read_at, what, subject, detail from yibao.audit_read "
                        + "where subject = ? or subject like ? order by read_at, id",
                (rs, i) -> new Read(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)),
                subject,
                "%-" + subject.replace("%", "").replace("_", "\\_"));
    }
}
