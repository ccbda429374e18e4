package com.contractledger.query.admin;

/**
 * The state of one projection's event processor. Positions are global event positions: {@code minPosition} and
 * {@code maxPosition} over the processor's segments, {@code head} the position of the last event in the store,
 * {@code lag} how many positions the slowest segment is behind it. While {@code replaying}, {@code replayProgress} is
 * the percentage of the events up to the reset point the slowest segment has replayed; {@code generation} is the
 * generation of the read model the API serves and {@code building} the one a replay is building, if any.
 * {@code deadLetters} counts the events parked because the projection could not apply them ({@link DeadLetters});
 * {@code null} while their queue cannot be read.
 */
public record ProjectionStatus(String name, boolean running, boolean error, int segments, Long minPosition,
                               Long maxPosition, Long head, Long lag, boolean replaying, Integer replayProgress,
                               int generation, Integer building, Long deadLetters) {
}
