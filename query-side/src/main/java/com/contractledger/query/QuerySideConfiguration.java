package com.contractledger.query;

import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.common.ReadModelTransactions;
import com.contractledger.query.dispute.DisputeTimelineProjection;
import com.contractledger.query.history.ContractHistoryProjection;
import com.contractledger.query.milestone.MilestoneProjection;
import com.contractledger.query.scorecard.SupplierScorecardProjection;
import com.contractledger.query.spend.SpendProjection;
import com.contractledger.query.summary.ContractSummaryProjection;
import com.contractledger.query.supplier.SupplierProfileProjection;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.List;

/**
 * Infrastructure of the read side. Processor tokens live in the same MongoDB as the views they describe, so on the
 * embedded default one store holds both and a crash cannot leave a token ahead of its view.
 */
@Configuration
public class QuerySideConfiguration {

    static final String TOKEN_COLLECTION = "tracking_tokens";

    /** The processing group of every projection. */
    public static final List<String> PROJECTIONS = List.of(ContractSummaryProjection.PROCESSING_GROUP,
            ContractHistoryProjection.PROCESSING_GROUP, DisputeTimelineProjection.PROCESSING_GROUP,
            SupplierProfileProjection.PROCESSING_GROUP, SupplierScorecardProjection.PROCESSING_GROUP,
            MilestoneProjection.PROCESSING_GROUP, SpendProjection.PROCESSING_GROUP);

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

    /**
     * The projections write only to MongoDB. While their tokens are in MongoDB too, a JDBC transaction around each
     * batch would do nothing but hold a pooled connection for the batch's duration, and seven processors with several
     * segments each starved the command side of connections (measured: HTTP threads parked in the pool); their units
     * of work take the {@link ReadModelTransactions} instead.
     */
    @Bean
    ConfigurerModule projectionsOutsideJdbcTransactions(ObjectProvider<ReadModelTransactions> readModelTransactions) {
        return configurer -> configurer.eventProcessing(processing -> PROJECTIONS.forEach(group ->
                processing.registerTransactionManager(group, config ->
                        config.getComponent(TokenStore.class) instanceof MongoTokenStore
                                ? readModelTransactions.getIfAvailable(() -> ReadModelTransactions.NONE)
                                        .transactionManager()
                                : config.getComponent(TransactionManager.class))));
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
