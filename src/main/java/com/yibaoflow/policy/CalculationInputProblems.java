package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.shared.problem.ApiExceptionHandler;
import com.yibaoflow.shared.problem.DomainException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A calculator input no rule applies to (negative amount, date outside the coverage year …) is a 400 problem naming
 * its field, wherever the calculation was called from. Mapped here, in the module that owns the calculators, so the
 * shared kernel knows no feature (issue #15).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalculationInputProblems {

    @ExceptionHandler(InvalidCalculationInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidCalculationInputException e) {
        return ApiExceptionHandler.validation(List.of(new DomainException.FieldError(e.field(), e.reason())));
    }
}
