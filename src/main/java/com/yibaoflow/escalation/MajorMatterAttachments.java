package com.yibaoflow.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The files attached to requests. Plain JDBC, so that listing them never reads their bytes (up to 20 MB each): the
 * bytes are read only by {@link #content}.
 */
@Repository
class MajorMatterAttachments {

    /** An attachment without its bytes; the content type is the detected one ({@link AttachmentTypes}). */
    record Attachment(
            long id,
            long majorMatterId,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {}

    private static final String COLUMNS =
            "id, major_matter_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final JdbcTemplate jdbc;

    MajorMatterAttachments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long add(
            long majorMatterId,
            String fileName,
            String contentType,
            byte[] content,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var s = c.prepareStatement(
                            "INSERT INTO yibao.major_matter_attachment (major_matter_id, file_name, content_type,"
                                    + " size_bytes, sha256, content, uploaded_by, uploaded_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    s.setLong(1, majorMatterId);
                    s.setString(2, fileName);
                    s.setString(3, contentType);
                    s.setLong(4, content.length);
                    s.setString(5, sha256);
                    s.setBytes(6, content);
                    s.setString(7, uploadedBy);
                    s.setTimestamp(8, Timestamp.from(uploadedAt));
                    return s;
                },
                key);
        return key.getKey().longValue();
    }

    List<Attachment> of(long majorMatterId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM yibao.major_matter_attachment WHERE major_matter_id = ? ORDER BY id",
                MajorMatterAttachments::row,
                majorMatterId);
    }

    Optional<Attachment> find(long majorMatterId, long attachmentId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM yibao.major_matter_attachment WHERE major_matter_id = ? AND id = ?",
                        MajorMatterAttachments::row,
                        majorMatterId,
                        attachmentId)
                .stream()
                .findFirst();
    }

    byte[] content(long attachmentId) {
        return jdbc.queryForObject(
                "SELECT content FROM yibao.major_matter_attachment WHERE id = ?", byte[].class, attachmentId);
    }

    private static Attachment row(ResultSet r, int n) throws SQLException {
        return new Attachment(
                r.getLong("id"),
                r.getLong("major_matter_id"),
                r.getString("file_name"),
                r.getString("content_type"),
                r.getLong("size_bytes"),
                r.getString("sha256").trim(),
                r.getString("uploaded_by"),
                r.getTimestamp("uploaded_at").toInstant());
    }
}
