package com.yibaoflow.shared.problem;

import java.util.List;
import org.springframework.http.ProblemDetail;

/** Builds problem details of our stable types. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail validation(String detail, List<DomainException.FieldError> errors) {
        ProblemDetail problem = of(ProblemType.VALIDATION, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
