package com.contractledger.app.wire;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Axon Server's boundary without Axon Server, for the tests ({@code ledger.test.axon-server-wire=true}): commands and
 * queries, with their results, failures and responses, go through the connector's {@link CommandSerializer} and
 * {@link QuerySerializer} with the application's own serializers, exactly as they cross a real Axon Server.
 */
@Configuration
@ConditionalOnProperty("ledger.test.axon-server-wire")
public class AxonServerWire {

    /** The property that switches the boundary on, as a command-line argument. */
    public static final String ENABLED = "--ledger.test.axon-server-wire=true";

    /** The arguments that add the boundary to a service started from its executable jar. */
    public static final List<String> SERVICE_ARGUMENTS = List.of(
            "--spring.main.sources=" + AxonServerWire.class.getName(), ENABLED);

    /**
     * A directory holding this package's classes only, for a service's {@code loader.path}: the boundary without the
     * rest of the tests.
     */
    public static Path classesIn(Path directory) throws IOException {
        try {
            Path compiled = Path.of(AxonServerWire.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI());
            String packagePath = AxonServerWire.class.getPackageName().replace('.', '/');
            Path target = directory.resolve(packagePath);
            Files.createDirectories(target);
            try (Stream<Path> classes = Files.list(
                    compiled.resolve(packagePath))) {
                for (Path file : classes.toList()) {
                    Files.copy(file, target.resolve(file.getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return directory;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code arguments} and the one that switches the boundary on. */
    public static String[] with(String... arguments) {
        String[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = ENABLED;
        return all;
    }

    private final AxonServerConfiguration wireConfiguration = AxonServerConfiguration.builder()
            .componentName("axon-server-wire")
            .build();

    @Bean
    @Primary
    CommandBus wireCommandBus(@Qualifier("localSegment") ObjectProvider<CommandBus> localSegment,
                              @Qualifier("messageSerializer") Serializer messageSerializer) {
        // the query-side service handles no commands and has no local command bus of its own
        return new WireCommandBus(localSegment.getIfAvailable(() -> SimpleCommandBus.builder().build()),
                new CommandSerializer(messageSerializer, wireConfiguration));
    }

    /** The local query bus as Axon's auto-configuration builds it (it steps back when any query bus exists). */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus localQueryBus(org.axonframework.config.Configuration axonConfiguration,
                                 TransactionManager transactionManager) {
        SimpleQueryBus queryBus = SimpleQueryBus.builder()
                .messageMonitor(axonConfiguration.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(transactionManager)
                .errorHandler(axonConfiguration.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axonConfiguration.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axonConfiguration.getComponent(QueryBusSpanFactory.class))
                .build();
        queryBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return queryBus;
    }

    @Bean
    @Primary
    QueryBus wireQueryBus(@Qualifier("localSegment") SimpleQueryBus localSegment,
                          @Qualifier("messageSerializer") Serializer messageSerializer, Serializer genericSerializer) {
        return new WireQueryBus(localSegment,
                new QuerySerializer(messageSerializer, genericSerializer, wireConfiguration));
    }
}
