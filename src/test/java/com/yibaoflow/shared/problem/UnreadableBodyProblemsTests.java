package com.yibaoflow.shared.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

/**
 * A body Jackson could not read is a 400 problem naming the field the cause points at (its JSON path), with an ID
 * number in a rejected value masked; without a field to name, a malformed-request problem.
 */
class UnreadableBodyProblemsTests {

    enum Kind {
        NEWBORN,
        STUDENT
    }

    record Member(String name, int age) {
        Member {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("must not be blank");
            }
        }
    }

    record Body(Kind kind, List<Member> members) {}

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anUnknownFieldIsNamedWithItsPath() {
        assertThat(errorsOf("{\"members\": [{\"name\": \"a\", \"agee\": 3}]}"))
                .containsExactly(Map.entry("members[0].agee", "is not a known field"));
    }

    @Test
    void anInvalidEnumValueListsTheAllowedOnesAndMasksAnIdNumber() {
        assertThat(errorsOf("{\"kind\": \"341721199001010011\"}"))
                .containsExactly(
                        Map.entry("kind", "has an invalid value '3417**********0011'; allowed: NEWBORN, STUDENT"));
    }

    @Test
    void aValueOfTheWrongShapeIsNamed() {
        assertThat(errorsOf("{\"members\": [{\"name\": \"a\", \"age\": {}}]}"))
                .containsExactly(Map.entry("members[0].age", "has the wrong type"));
    }

    @Test
    void aValueTheRecordRefusesIsNamedWithTheRecordsReason() {
        assertThat(errorsOf("{\"members\": [{\"name\": \" \", \"age\": 3}]}"))
                .containsExactly(Map.entry("members[0]", "must not be blank"));
    }

    @Test
    void notJsonOrNoBodyIsAMalformedRequest() {
        ResponseEntity<ProblemDetail> notJson = UnreadableBodyProblems.of(unreadable("{\"kind\": "));
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody().getType()).isEqualTo(ProblemType.MALFORMED_REQUEST.uri());
        assertThat(notJson.getBody().getDetail()).isEqualTo("The request body is not valid JSON.");

        ResponseEntity<ProblemDetail> missing = UnreadableBodyProblems.of(
                new HttpMessageNotReadableException("no body", new MockHttpInputMessage(new byte[0])));
        assertThat(missing.getBody().getType()).isEqualTo(ProblemType.MALFORMED_REQUEST.uri());
        assertThat(missing.getBody().getDetail()).isEqualTo("The request body is missing or unreadable.");
    }

    private List<Map.Entry<String, String>> errorsOf(String body) {
        ResponseEntity<ProblemDetail> response = UnreadableBodyProblems.of(unreadable(body));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getType()).isEqualTo(ProblemType.VALIDATION.uri());
        @SuppressWarnings("unchecked")
        List<DomainException.FieldError> errors = (List<DomainException.FieldError>)
                response.getBody().getProperties().get("errors");
        return errors.stream().map(e -> Map.entry(e.field(), e.message())).toList();
    }

    private HttpMessageNotReadableException unreadable(String body) {
        Throwable cause = catchThrowable(() -> json.readValue(body, Body.class));
        assertThat(cause).as("Jackson refuses %s", body).isNotNull();
        return new HttpMessageNotReadableException("unreadable", cause, new MockHttpInputMessage(body.getBytes()));
    }
}
