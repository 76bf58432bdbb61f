package com.yibaoflow.audit;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.SchemaOwner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #20 §4: the case history is one hash chain, also when listeners append concurrently; the application's
 * database role cannot update, delete or truncate the audit tables; an entry altered by SQL as the tables' owner is
 * named by the verification; entries deleted and the chain recomputed after them (which the chain alone cannot show)
 * are found against a signed checkpoint. Each test restores, as the owner, what it tampered with.
 */
@IntegrationTest
class ChainTamperTests {

    record AuditProbe(UUID eventId, Instant occurredAt, String businessKey, String summary) implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-TEST-01";
        }

        @Override
        public String kind() {
            return "PROBE";
        }

        @Override
        public String actor() {
            return "system";
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    /** The application's connection: the role that may not change the audit tables. */
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Flyway flyway;

    /** The owner of the schema, as whom Flyway migrates: the "database administrator" who tampers. */
    JdbcTemplate owner;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CheckpointExports exports;

    @BeforeEach
    void everyEarlierEventIsRecorded() {
        owner = SchemaOwner.jdbc(flyway);
        awaitNothingOwed();
    }

    void awaitNothingOwed() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from yibao.event_publication where completion_date is null",
                                Long.class)
                        == 0);
    }

    /** Records the events, each published in a transaction of its own, and waits until they are in the history. */
    List<AuditProbe> recorded(int count) {
        String key = "PROBE-" + UUID.randomUUID();
        List<AuditProbe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditProbe p = new AuditProbe(CaseEvent.newId(), Instant.now(), key, "审计链测试 " + i);
            probes.add(p);
            transactions.executeWithoutResult(tx -> events.publishEvent(p));
        }
        awaitNothingOwed();
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.case_history where business_key = ?", Long.class, key))
                .isEqualTo(count);
        return probes;
    }

    JsonNode verification() throws Exception {
        return verification(get("/api/audit/verification"));
    }

    /** The verification against a checkpoint the auditor exported earlier and gives back. */
    JsonNode verificationAgainst(long chainSeq, String headHash, String signedAt, String signature) throws Exception {
        return verification(get("/api/audit/verification")
                .param("chainSeq", String.valueOf(chainSeq))
                .param("headHash", headHash)
                .param("signedAt", signedAt)
                .param("signature", signature));
    }

    JsonNode verification(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request.with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    long seq(AuditProbe p) {
        return ((Number) row(p).get("chain_seq")).longValue();
    }

    Map<String, Object> row(AuditProbe p) {
        return jdbc.queryForMap("select * from yibao.case_history where event_id = ?", p.eventId());
    }

    @Test
    void concurrentListenersAppendOneChainThatVerifies() throws Exception {
        List<AuditProbe> probes = recorded(20);
        List<Long> seqs = jdbc.queryForList(
                "select chain_seq from yibao.case_history where business_key = ? order by chain_seq",
                Long.class,
                probes.get(0).businessKey());
        assertThat(seqs).hasSize(20).doesNotContainNull().doesNotHaveDuplicates();

        JsonNode result = verification();
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("firstBreak").isNull()).isTrue();
        assertThat(result.get("headSeq").asLong())
                .isEqualTo(result.get("entries").asLong());
    }

    @Test
    void theApplicationsRoleCannotUpdateDeleteOrTruncateTheAuditTables() {
        AuditProbe probe = recorded(1).get(0); // it may append: the listener did, through this role
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("yibaoflow_app");
        for (String sql : List.of(
                "update yibao.case_history set detail = '已篡改' where event_id = '" + probe.eventId() + "'",
                "delete from yibao.case_history where event_id = '" + probe.eventId() + "'",
                "truncate yibao.case_history",
                "update yibao.audit_read set read_by = 'nobody'",
                "delete from yibao.audit_read",
                "truncate yibao.audit_read",
                "delete from yibao.audit_checkpoint")) {
            assertThatThrownBy(() -> jdbc.execute(sql))
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
        assertThat(row(probe).get("detail")).isEqualTo("审计链测试 0");
    }

    @Test
    void anEntryAlteredBySqlAsTheOwnerIsNamedByTheVerification() throws Exception {
        AuditProbe probe = recorded(3).get(1);
        Map<String, Object> original = row(probe);
        assertThat(verification().get("intact").asBoolean()).isTrue();
        try {
            owner.update("update yibao.case_history set detail = '审计链测试 已篡改' where event_id = ?", probe.eventId());

            JsonNode result = verification();
            assertThat(result.get("intact").asBoolean()).isFalse();
            JsonNode broken = result.get("firstBreak");
            assertThat(broken.get("problem").asText()).isEqualTo("ENTRY_ALTERED");
            assertThat(broken.get("entryId").asLong()).isEqualTo(((Number) original.get("id")).longValue());
            assertThat(broken.get("chainSeq").asLong()).isEqualTo(((Number) original.get("chain_seq")).longValue());
            assertThat(broken.get("businessKey").asText()).isEqualTo(probe.businessKey());
        } finally {
            owner.update(
                    "update yibao.case_history set detail = ? where event_id = ?",
                    original.get("detail"),
                    probe.eventId());
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void deletedEntriesAndARecomputedChainAreFoundAgainstASignedCheckpoint() throws Exception {
        // two neighbours in the chain (another test class's late event may land between two probes: then again)
        List<AuditProbe> probes = recorded(2);
        for (int attempt = 0; attempt < 5 && seq(probes.get(1)) != seq(probes.get(0)) + 1; attempt++) {
            probes = recorded(2);
        }
        Map<String, Object> a = row(probes.get(0));
        Map<String, Object> b = row(probes.get(1));
        long seqA = ((Number) a.get("chain_seq")).longValue();
        long seqB = ((Number) b.get("chain_seq")).longValue();
        assertThat(seqB).isEqualTo(seqA + 1);

        // a supervisor signs the head; an auditor exports it and checks the signature without the application
        JsonNode checkpoint = json.readTree(
                mvc.perform(post("/api/audit/checkpoints").with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(checkpoint.get("chainSeq").asLong()).isEqualTo(seqB);
        assertThat(checkpoint.get("headHash").asText()).isEqualTo(b.get("hash"));
        JsonNode exported =
                json.readTree(mvc.perform(get("/api/audit/checkpoints/latest").with(as(Department.AUDITORS)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(exported.get("id").asLong()).isEqualTo(checkpoint.get("id").asLong());
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(exported.get("publicKey").asText()))));
        ed25519.update(exported.get("signedText").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(
                        Base64.getDecoder().decode(exported.get("signature").asText())))
                .isTrue();
        assertThat(exported.get("signedText").asText()).contains("|" + seqB + "|" + b.get("hash") + "|");
        assertThat(verification().get("intact").asBoolean()).isTrue();
        Map<String, Object> checkpointRow = jdbc.queryForMap(
                "select * from yibao.audit_checkpoint where id = ?",
                checkpoint.get("id").asLong());
        Path exportFile = exports.directory()
                .resolve(CheckpointExports.fileName(checkpoint.get("id").asLong()));
        byte[] exportBytes = Files.readAllBytes(exportFile);

        try {
            // the owner deletes entry A and recomputes the chain after it, head included: the chain itself is whole
            owner.update("delete from yibao.case_history where id = ?", a.get("id"));
            ChainHash.Content moved = new ChainHash.Content(
                    seqA,
                    probes.get(1).eventId(),
                    (String) b.get("business_key"),
                    (String) b.get("rule_id"),
                    (String) b.get("event"),
                    (String) b.get("detail"),
                    (String) b.get("recorded_by"),
                    ((java.sql.Timestamp) b.get("recorded_at")).toInstant());
            String forged = ChainHash.of((String) a.get("prev_hash"), moved);
            owner.update(
                    "update yibao.case_history set chain_seq = ?, prev_hash = ?, hash = ? where id = ?",
                    seqA,
                    a.get("prev_hash"),
                    forged,
                    b.get("id"));
            owner.update("update yibao.audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seqA, forged);

            JsonNode result = verification();
            assertThat(result.get("intact").asBoolean()).isFalse();
            JsonNode broken = result.get("firstBreak");
            assertThat(broken.get("problem").asText()).as(result.toString()).isEqualTo("CHECKPOINT_MISMATCH");
            assertThat(broken.get("chainSeq").asLong()).isEqualTo(seqB);
            assertThat(result.get("checkpoints")).anySatisfy(c -> {
                assertThat(c.get("id").asLong()).isEqualTo(checkpoint.get("id").asLong());
                assertThat(c.get("valid").asBoolean()).isFalse();
            });

            // the owner deletes the stored checkpoint too: its exported file still shows the recomputed chain
            owner.update("delete from yibao.audit_checkpoint where id = ?", checkpointRow.get("id"));
            JsonNode fromFile = verification();
            assertThat(fromFile.get("intact").asBoolean()).isFalse();
            assertThat(fromFile.get("firstBreak").get("problem").asText()).isEqualTo("CHECKPOINT_MISMATCH");
            assertThat(fromFile.get("firstBreak").get("chainSeq").asLong()).isEqualTo(seqB);
            assertThat(fromFile.get("checkpoints")).anySatisfy(c -> {
                assertThat(c.get("file").asText())
                        .isEqualTo(exportFile.getFileName().toString());
                assertThat(c.get("exported").asBoolean()).isTrue();
                assertThat(c.get("valid").asBoolean()).isFalse();
            });
            assertThat(fromFile.get("exports")).anySatisfy(e -> {
                assertThat(e.get("file").asText())
                        .isEqualTo(exportFile.getFileName().toString());
                assertThat(e.get("status").asText()).isEqualTo("NOT_STORED");
            });

            // and the file (which should be out of their reach): only the copy the auditor kept still shows it
            Files.delete(exportFile);
            assertThat(verification().get("intact").asBoolean()).isTrue();
            JsonNode againstExport = verificationAgainst(
                    exported.get("chainSeq").asLong(),
                    exported.get("headHash").asText(),
                    exported.get("signedAt").asText(),
                    exported.get("signature").asText());
            assertThat(againstExport.get("intact").asBoolean()).isFalse();
            assertThat(againstExport.get("firstBreak").get("problem").asText()).isEqualTo("CHECKPOINT_MISMATCH");
            assertThat(againstExport.get("firstBreak").get("chainSeq").asLong()).isEqualTo(seqB);
            assertThat(againstExport.get("checkpoints"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.get("exported").asBoolean()).isTrue());
            // an export with the forged head but the old signature is named as such
            JsonNode forgedExport = verificationAgainst(
                    seqA,
                    forged,
                    exported.get("signedAt").asText(),
                    exported.get("signature").asText());
            assertThat(forgedExport.get("firstBreak").get("problem").asText())
                    .isEqualTo("CHECKPOINT_SIGNATURE_INVALID");
        } finally {
            if (Files.notExists(exportFile)) {
                Files.write(exportFile, exportBytes);
            }
            if (jdbc.queryForObject(
                            "select count(*) from yibao.audit_checkpoint where id = ?",
                            Long.class,
                            checkpointRow.get("id"))
                    == 0) {
                owner.update(
                        "insert into yibao.audit_checkpoint (id, chain_seq, head_hash, signed_at, signed_by, signature, "
                                + "public_key) values (?, ?, ?, ?, ?, ?, ?)",
                        checkpointRow.get("id"),
                        checkpointRow.get("chain_seq"),
                        checkpointRow.get("head_hash"),
                        checkpointRow.get("signed_at"),
                        checkpointRow.get("signed_by"),
                        checkpointRow.get("signature"),
                        checkpointRow.get("public_key"));
            }
            owner.update(
                    "update yibao.case_history set chain_seq = ?, prev_hash = ?, hash = ? where id = ?",
                    seqB,
                    b.get("prev_hash"),
                    b.get("hash"),
                    b.get("id"));
            owner.update(
                    "insert into yibao.case_history (id, event_id, business_key, rule_id, event, detail, recorded_by, "
                            + "recorded_at, chain_seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.get("id"),
                    a.get("event_id"),
                    a.get("business_key"),
                    a.get("rule_id"),
                    a.get("event"),
                    a.get("detail"),
                    a.get("recorded_by"),
                    a.get("recorded_at"),
                    a.get("chain_seq"),
                    a.get("prev_hash"),
                    a.get("hash"));
            owner.update(
                    "update yibao.audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seqB, b.get("hash"));
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anEntryWrittenAroundTheApplicationIsNamed() throws Exception {
        recorded(1);
        Long id = owner.queryForObject(
                "insert into yibao.case_history (business_key, event, detail, recorded_by, recorded_at) "
                        + "values ('PROBE-FORGED', 'PROBE', '伪造', 'intruder', now()) returning id",
                Long.class);
        try {
            JsonNode broken = verification().get("firstBreak");
            assertThat(broken.get("problem").asText()).isEqualTo("ENTRY_UNCHAINED");
            assertThat(broken.get("entryId").asLong()).isEqualTo(id);
        } finally {
            owner.update("delete from yibao.case_history where id = ?", id);
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void theCanonicalFormTellsNullFromEmptyAndEveryFieldCounts() {
        Instant at = Instant.parse("2024-11-15T01:00:00.123456789Z");
        ChainHash.Content c = new ChainHash.Content(7, null, "ENR-1", null, "X", "明细", "u", at);
        ChainHash.Content empty = new ChainHash.Content(7, null, "ENR-1", "", "X", "明细", "u", at);
        assertThat(ChainHash.of(ChainHash.GENESIS, c)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, empty));
        assertThat(ChainHash.of(ChainHash.GENESIS, c)).isNotEqualTo(ChainHash.of("1".repeat(64), c));
        assertThat(ChainHash.of(ChainHash.GENESIS, c))
                .isEqualTo(ChainHash.of(
                        ChainHash.GENESIS,
                        new ChainHash.Content(7, null, "ENR-1", null, "X", "明细", "u", ChainHash.micros(at))))
                .hasSize(64);
    }
}
