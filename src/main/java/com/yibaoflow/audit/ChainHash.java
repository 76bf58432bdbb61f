package com.yibaoflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash of a case history entry in the chain (issue #20 §4): SHA-256, hex, over the previous entry's hash and a
 * canonical serialization of the entry. The serialization is versioned ({@code v1}) and length-prefixed, so that no
 * two different entries serialize alike (a {@code null} is {@code -1:}, an empty text {@code 0:}); times are UTC
 * instants to the microsecond, as PostgreSQL keeps them.
 */
final class ChainHash {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    /** The fields of an entry that the chain protects. */
    record Content(
            long chainSeq,
            UUID eventId,
            String businessKey,
            String ruleId,
            String event,
            String detail,
            String recordedBy,
            Instant recordedAt) {}

    private ChainHash() {}

    static String canonical(Content c) {
        StringBuilder s = new StringBuilder("v1");
        field(s, Long.toString(c.chainSeq()));
        field(s, c.eventId() == null ? null : c.eventId().toString());
        field(s, c.businessKey());
        field(s, c.ruleId());
        field(s, c.event());
        field(s, c.detail());
        field(s, c.recordedBy());
        field(s, micros(c.recordedAt()).toString());
        return s.toString();
    }

    static String of(String prevHash, Content c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(canonical(c).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instant as the database stores it (microseconds). */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static void field(StringBuilder s, String value) {
        s.append('|');
        if (value == null) {
            s.append("-1:");
        } else {
            s.append(value.length()).append(':').append(value);
        }
    }
}
