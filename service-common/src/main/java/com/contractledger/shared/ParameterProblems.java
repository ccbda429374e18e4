package com.contractledger.shared;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;

/**
 * A path or query parameter that is not of its type (an unknown enum name, a number that is not one) is a malformed
 * request naming the parameter, the same on both services and in the one-process launcher.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParameterProblems {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getValue() + " is not a valid " + e.getName();
        ProblemDetail problem = ProblemType.MALFORMED_REQUEST.problem(message);
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), message)));
        return problem;
    }
}
