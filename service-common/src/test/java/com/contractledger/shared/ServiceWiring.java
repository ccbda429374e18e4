package com.contractledger.shared;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.springboot.TimeoutProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** What the wiring tests of both services check alike (a test-jar of this module). */
public final class ServiceWiring {

    private ServiceWiring() {
    }

    /** Events, commands and queries go through the Axon Server connector. */
    public static void assertWiredToAxonServer(ApplicationContext context) {
        assertThat(context.getBean(AxonServerConnectionManager.class).getDefaultContext()).isEqualTo("default");
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
    }

    /** The beans that declare a method with {@code annotation}, as Axon finds its handlers. */
    /** Units of work are timed (warned at 10 s, interrupted at 60 s), the handlers inside them are not timed again. */
    public static void assertHandlersTimedByTheirUnitOfWork(ApplicationContext context) {
        TimeoutProperties timeouts = context.getBean(TimeoutProperties.class);
        assertThat(timeouts.isEnabled()).isTrue();
        TimeoutProperties.MessageHandlerTimeoutProperties handlers = timeouts.getHandler();
        for (TaskTimeoutSettings handler : List.of(handlers.getEvents(), handlers.getCommands(),
                handlers.getQueries(), handlers.getDeadlines())) {
            assertThat(handler.getTimeoutMs()).isNegative();
            assertThat(handler.getWarningThresholdMs()).isNegative();
        }
        TimeoutProperties.TransactionTimeoutProperties units = timeouts.getTransaction();
        for (TaskTimeoutSettings unit : List.of(units.getEventProcessors(), units.getCommandBus(),
                units.getQueryBus(), units.getDeadline())) {
            assertThat(unit.getTimeoutMs()).isEqualTo(60_000);
            assertThat(unit.getWarningThresholdMs()).isEqualTo(10_000);
        }
    }

    public static String[] beansWithMethodsAnnotated(ApplicationContext context, Class<? extends Annotation> annotation) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> Arrays.stream(Objects.requireNonNull(context.getType(name)).getDeclaredMethods())
                        .anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, annotation)))
                .toArray(String[]::new);
    }

    /** A request to the running service as {@code user:password}, with a JSON body when {@code json} is given. */
    public static HttpResponse<String> call(ApplicationContext context, String credentials, String method, String path,
                                            String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + context.getEnvironment().getProperty("local.server.port") + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on: where the tests point the connector. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
