package com.contractledger.shared;

/** One field or parameter at fault in a {@code 400} problem's {@code errors[]}. */
public record FieldProblem(String field, String message) {
}
