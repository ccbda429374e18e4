package com.contractledger.api.common;

import java.util.regex.Pattern;

/**
 * The rule every client-chosen identifier follows: a UUID or any {@code [A-Za-z0-9._-]{1,64}} string, except
 * {@code .} and {@code ..}, which URLs treat as path steps.
 */
public final class Identifiers {

    public static final String PATTERN = "(?!\\.{1,2}$)[A-Za-z0-9._-]{1,64}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Identifiers() {
    }

    public static String requireValid(String kind, String value) {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must match " + PATTERN);
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }
}
