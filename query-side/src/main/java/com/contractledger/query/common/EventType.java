package com.contractledger.query.common;

/**
 * The name the API gives an event: its class's simple name without "Event" ({@code ContractSignedEvent} is
 * {@code ContractSigned}), as in history entries, risk evidence and webhook deliveries.
 */
public final class EventType {

    private static final String SUFFIX = "Event";
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> eventClass) {
            return named(eventClass.getSimpleName());
        }
    };

    private EventType() {
    }

    public static String of(Class<?> eventClass) {
        return NAMES.get(eventClass);
    }

    /** The name for an event class's simple name. */
    public static String named(String simpleName) {
        return simpleName.endsWith(SUFFIX) ? simpleName.substring(0, simpleName.length() - SUFFIX.length())
                : simpleName;
    }
}
