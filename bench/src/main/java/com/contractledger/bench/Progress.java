package com.contractledger.bench;

/** One line per phase on stderr, so a long run shows where it is: elapsed time, phase, what it is doing. */
final class Progress {

    private static final long STARTED = System.nanoTime();

    private Progress() {
    }

    static void phase(String name, String doing) {
        System.err.printf("[bench %7.1f s] %s: %s%n", (System.nanoTime() - STARTED) / 1e9, name, doing);
    }
}
