package com.contractledger.query;

import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Infrastructure of the read side. Processor tokens live in the same MongoDB as the views they describe, so on the
 * embedded default one store holds both and a crash cannot leave a token ahead of its view.
 */
@Configuration
public class QuerySideConfiguration {

    static final String TOKEN_COLLECTION = "tracking_tokens";

    /** axon-mongo has no Spring Boot starter for 4.12, hence the explicit beans. */
    @Bean
    TokenStore tokenStore(MongoDatabaseFactory mongoDatabaseFactory, Serializer serializer) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(mongoDatabaseFactory.getMongoDatabase())
                .trackingTokensCollectionName(TOKEN_COLLECTION)
                .build();
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .build();
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return ReadModelMapping.conversions();
    }

    @Bean
    ReadModelGenerations readModelGenerations(MongoTemplate mongo) {
        return new ReadModelGenerations(mongo);
    }

    @Bean
    ReadModelChangeLog readModelChangeLog(MongoTemplate mongo, ObjectMapper json) {
        return new ReadModelChangeLog(mongo, json);
    }
}
