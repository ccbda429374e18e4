package com.contractledger.app;

/** Paths of the API description against the paths a client calls. */
final class ApiPaths {

    private ApiPaths() {
    }

    /** Whether a concrete path is an instance of a described one such as {@code /api/contracts/{contractId}}. */
    static boolean instanceOf(String path, String template) {
        return path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"));
    }
}
