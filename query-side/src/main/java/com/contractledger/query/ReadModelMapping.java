package com.contractledger.query;

import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** How views map to documents: dates through the driver's own codecs (UTC, never the JVM's zone), decimals as strings. */
public final class ReadModelMapping {

    private ReadModelMapping() {
    }

    public static MongoCustomConversions conversions() {
        return MongoCustomConversions.create(adapter -> adapter
                .useNativeDriverJavaTimeCodecs()
                .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.STRING));
    }
}
