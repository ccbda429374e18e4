package com.contractledger.query.support;

import com.contractledger.query.ReadModelMapping;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.BsonValue;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A MongoDB wire server in memory, reached through the real driver and a MongoTemplate mapped as in the application. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final MongoTemplate template;
    private final ReadModelGenerations generations;

    public InMemoryMongo() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonValue target = event.getCommand().get(event.getCommandName());
                        commands.add(event.getCommandName() + " "
                                + (target != null && target.isString() ? target.asString().getValue() : target));
                    }
                })
                .build());
        var factory = new SimpleMongoClientDatabaseFactory(client, "ledger");
        MongoCustomConversions conversions = ReadModelMapping.conversions();
        var context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        var converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        template = new MongoTemplate(factory, converter);
        generations = new ReadModelGenerations(template);
    }

    public MongoTemplate template() {
        return template;
    }

    /** Every command sent to the store so far, as its name and the collection (or value) it names. */
    public List<String> commands() {
        return commands;
    }

    public ReadModelGenerations generations() {
        return generations;
    }

    /** A change log on this store, writing views as the API does (ISO dates). */
    public ReadModelChangeLog changeLog() {
        return new ReadModelChangeLog(template, JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
