package com.contractledger.shared;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.util.function.Predicate;

/** Questions both services ask of a failure before they answer a request. */
public final class Failures {

    private Failures() {
    }

    /** Whether {@code failure} or any of its causes passes {@code test}. */
    public static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Whether this one exception says Axon Server could not be reached or could not route the message. */
    public static boolean isAxonServerUnreachable(Throwable cause) {
        return cause instanceof org.axonframework.axonserver.connector.AxonServerException
                || cause instanceof io.axoniq.axonserver.connector.AxonServerException
                || (cause instanceof StatusRuntimeException grpc && grpc.getStatus().getCode() == Status.Code.UNAVAILABLE);
    }
}
