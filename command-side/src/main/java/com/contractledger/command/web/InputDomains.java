package com.contractledger.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The domains of request values, enforced while the body is read, so that nothing outside them reaches a command, an
 * event or a read model: dates and instants are ISO-8601 strings within {@link #FIRST_DAY} and {@link #LAST_DAY};
 * decimals are JSON numbers or strings in plain notation ({@code "0.85"}, no exponent) with at most {@link #MAX_DIGITS}
 * digits on either side of the point, whatever a number's exponent; text holds no
 * control characters (tab, line feed and carriage return excepted), no bidirectional overrides or isolates, no
 * invisible separators, no noncharacters and no unpaired surrogates ({@link TextDomain}); whole numbers are never read
 * from strings.
 */
final class InputDomains extends SimpleModule {

    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2200, 12, 31);
    static final int MAX_DIGITS = 30;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** A value outside its domain; {@code reason} completes "field …". */
    static final class OutOfDomainException extends MismatchedInputException {

        private final String reason;

        OutOfDomainException(JsonParser parser, Class<?> type, String reason) {
            super(parser, reason, type);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    InputDomains() {
        super("ledger-input-domains");
        addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = text(parser, LocalDate.class, "must be an ISO-8601 date such as 2026-12-15");
                try {
                    return withinRange(parser, LocalDate.class, LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    throw new OutOfDomainException(parser, LocalDate.class,
                            "must be an ISO-8601 date such as 2026-12-15");
                }
            }
        });
        addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String expected = "must be an ISO-8601 instant with an offset, such as 2026-11-20T09:00:00Z";
                String text = text(parser, Instant.class, expected);
                try {
                    OffsetDateTime instant = OffsetDateTime.parse(text);
                    withinRange(parser, Instant.class, instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                    return instant.toInstant();
                } catch (DateTimeParseException e) {
                    throw new OutOfDomainException(parser, Instant.class, expected);
                }
            }
        });
        addDeserializer(BigDecimal.class, new JsonDeserializer<>() {
            @Override
            public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonToken token = parser.currentToken();
                if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                        && token != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new OutOfDomainException(parser, BigDecimal.class,
                            "must be a decimal number or a string holding one");
                }
                String text = parser.getText();
                if (token == JsonToken.VALUE_STRING && !PLAIN_DECIMAL.matcher(text).matches()) {
                    throw new OutOfDomainException(parser, BigDecimal.class,
                            "must be a decimal number or a string holding one in plain notation, such as \"0.85\"");
                }
                BigDecimal value;
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new OutOfDomainException(parser, BigDecimal.class,
                            "must be a decimal number or a string holding one");
                }
                // precision and scale are ints: 1E+2147483647 is read, but any arithmetic on it overflows
                long integerDigits = (long) value.precision() - value.scale();
                if (integerDigits > MAX_DIGITS || value.scale() > MAX_DIGITS) {
                    throw new OutOfDomainException(parser, BigDecimal.class,
                            "must have at most " + MAX_DIGITS + " digits before and after the decimal point");
                }
                return value;
            }
        });
        addDeserializer(String.class, new JsonDeserializer<>() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    throw new OutOfDomainException(parser, String.class, "must be a string");
                }
                String text = parser.getText();
                String fault = TextDomain.fault(text);
                if (fault != null) {
                    throw new OutOfDomainException(parser, String.class, fault);
                }
                return text;
            }
        });
    }

    /** A key given twice is refused, not resolved to its last value; whole numbers are never read from strings. */
    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        ObjectMapper mapper = context.getOwner();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    private static String text(JsonParser parser, Class<?> type, String expected) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new OutOfDomainException(parser, type, expected);
        }
        return parser.getText().trim();
    }

    private static LocalDate withinRange(JsonParser parser, Class<?> type, LocalDate day) throws IOException {
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw new OutOfDomainException(parser, type, "must be between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return day;
    }
}
