package com.yibaoflow.audit;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #20 §4: every signed checkpoint is exported to its own file in the configured directory, written atomically;
 * the verification checks the files against the database, and names a tampered or a missing export. Each test puts
 * back what it changed.
 */
@IntegrationTest
class CheckpointExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CheckpointExports exports;

    JsonNode signed() throws Exception {
        return read(mvc.perform(post("/api/audit/checkpoints").with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode verification() throws Exception {
        return read(mvc.perform(get("/api/audit/verification").with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode read(String body) throws Exception {
        return json.readTree(body);
    }

    Path fileOf(JsonNode checkpoint) {
        return exports.directory()
                .resolve(CheckpointExports.fileName(checkpoint.get("id").asLong()));
    }

    JsonNode exportCheckOf(JsonNode verification, Path file) {
        for (JsonNode e : verification.get("exports")) {
            if (e.get("file").asText().equals(file.getFileName().toString())) {
                return e;
            }
        }
        throw new AssertionError("no export check of " + file + " in " + verification);
    }

    @Test
    void aSignedCheckpointIsWrittenToItsFileAndTheFileVerifies() throws Exception {
        JsonNode checkpoint = signed();
        Path file = fileOf(checkpoint);

        assertThat(file).exists();
        JsonNode exported = read(Files.readString(file));
        for (String field : List.of("id", "chainSeq", "headHash", "signedText", "signature", "publicKey")) {
            assertThat(exported.get(field)).as(field).isEqualTo(checkpoint.get(field));
        }
        assertThat(java.time.Instant.parse(exported.get("signedAt").asText()))
                .isEqualTo(java.time.Instant.parse(checkpoint.get("signedAt").asText()));
        try (Stream<Path> left = Files.list(exports.directory())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        JsonNode result = verification();
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(exportCheckOf(result, file).get("status").asText()).isEqualTo("OK");
    }

    @Test
    void aTamperedExportIsReported() throws Exception {
        JsonNode checkpoint = signed();
        Path file = fileOf(checkpoint);
        String original = Files.readString(file);
        String hash = checkpoint.get("headHash").asText();
        try {
            Files.writeString(file, original.replace(hash, "f".repeat(64)));

            JsonNode result = verification();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBreak").get("problem").asText()).isEqualTo("EXPORT_ALTERED");
            assertThat(result.get("firstBreak").get("detail").asText())
                    .contains(file.getFileName().toString());
            JsonNode check = exportCheckOf(result, file);
            assertThat(check.get("status").asText()).isEqualTo("ALTERED");
            assertThat(check.get("detail").asText()).contains("headHash");

            Files.writeString(file, "{ not json");
            assertThat(exportCheckOf(verification(), file).get("detail").asText())
                    .startsWith("unreadable");
        } finally {
            Files.writeString(file, original);
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aMissingExportIsReported() throws Exception {
        JsonNode checkpoint = signed();
        Path file = fileOf(checkpoint);
        byte[] original = Files.readAllBytes(file);
        try {
            Files.delete(file);

            JsonNode result = verification();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBreak").get("problem").asText()).isEqualTo("EXPORT_MISSING");
            assertThat(exportCheckOf(result, file).get("checkpointId").asLong())
                    .isEqualTo(checkpoint.get("id").asLong());
        } finally {
            Files.write(file, original);
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void writingAnExportAgainReplacesItWhole() throws Exception {
        JsonNode checkpoint = signed();
        Path file = fileOf(checkpoint);
        AuditCheckpoints.Checkpoint stored = json.treeToValue(checkpoint, AuditCheckpoints.Checkpoint.class);
        Files.writeString(file, "x".repeat(10_000)); // a longer, broken file: a rewrite must not keep its tail

        exports.write(stored);

        assertThat(json.readValue(file.toFile(), AuditCheckpoints.Checkpoint.class))
                .isEqualTo(stored);
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }
}
