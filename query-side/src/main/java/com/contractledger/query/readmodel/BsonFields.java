package com.contractledger.query.readmodel;

import org.bson.BsonDocument;
import org.bson.BsonString;

/** For entries written to BSON directly: a field the mapping layer leaves out when it is null. */
public final class BsonFields {

    private BsonFields() {
    }

    public static void putString(BsonDocument document, String key, String value) {
        if (value != null) {
            document.put(key, new BsonString(value));
        }
    }
}
