package com.contractledger.query.support;

import com.contractledger.api.serialization.LedgerJson;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.axoniq.axonserver.grpc.InstructionAck;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.command.CommandProviderInbound;
import io.axoniq.axonserver.grpc.command.CommandProviderOutbound;
import io.axoniq.axonserver.grpc.command.CommandServiceGrpc;
import io.axoniq.axonserver.grpc.control.ClientIdentification;
import io.axoniq.axonserver.grpc.control.NodeInfo;
import io.axoniq.axonserver.grpc.control.PlatformInboundInstruction;
import io.axoniq.axonserver.grpc.control.PlatformInfo;
import io.axoniq.axonserver.grpc.control.PlatformOutboundInstruction;
import io.axoniq.axonserver.grpc.control.PlatformServiceGrpc;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventStoreGrpc;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import io.axoniq.axonserver.grpc.event.GetAggregateEventsRequest;
import io.axoniq.axonserver.grpc.event.GetEventsRequest;
import io.axoniq.axonserver.grpc.event.GetFirstTokenRequest;
import io.axoniq.axonserver.grpc.event.GetLastTokenRequest;
import io.axoniq.axonserver.grpc.event.GetTokenAtRequest;
import io.axoniq.axonserver.grpc.event.TrackingToken;
import io.axoniq.axonserver.grpc.query.QueryProviderInbound;
import io.axoniq.axonserver.grpc.query.QueryProviderOutbound;
import io.axoniq.axonserver.grpc.query.QueryServiceGrpc;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import org.axonframework.eventhandling.DomainEventData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Just enough of Axon Server's gRPC API for a client to connect and read events: the platform handshake, an
 * instruction stream that acknowledges what asks for it, and an event store of events stored at global positions from
 * 0 (metadata kept as Axon Server keeps it, as typed values). Streams of events never end, as Axon Server's do not.
 */
public final class FakeAxonServer implements AutoCloseable {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Server server;

    public FakeAxonServer(int port) {
        server = ServerBuilder.forPort(port)
                .addService(new Platform(port))
                .addService(new EventStore())
                .addService(new Queries())
                .addService(new Commands())
                .build();
    }

    public FakeAxonServer start() throws IOException {
        server.start();
        return this;
    }

    /** Stores an event as given: bytes, type, revision and metadata are not looked at. */
    public void store(DomainEventData<byte[]> event) {
        Event.Builder stored = Event.newBuilder()
                .setMessageIdentifier(event.getEventIdentifier())
                .setAggregateIdentifier(event.getAggregateIdentifier())
                .setAggregateSequenceNumber(event.getSequenceNumber())
                .setAggregateType(event.getType())
                .setTimestamp(event.getTimestamp().toEpochMilli())
                .setPayload(SerializedObject.newBuilder()
                        .setType(event.getPayload().getType().getName())
                        .setRevision(Objects.requireNonNullElse(event.getPayload().getType().getRevision(), ""))
                        .setData(ByteString.copyFrom(event.getPayload().getData())));
        try {
            Map<String, String> metaData = JSON.readValue((byte[]) event.getMetaData().getData(),
                    new TypeReference<>() {
                    });
            metaData.forEach((key, value) ->
                    stored.putMetaData(key, MetaDataValue.newBuilder().setTextValue(value).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.add(stored.build());
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private long lastToken() {
        return events.size() - 1;
    }

    private static <T> void answer(StreamObserver<T> observer, T answer) {
        observer.onNext(answer);
        observer.onCompleted();
    }

    /** Receives a client's messages on a stream, acknowledging those with an instruction id, and never ends it. */
    private static <I> StreamObserver<I> acknowledging(Function<I, String> instructionId, Consumer<String> ack) {
        return new StreamObserver<>() {
            @Override
            public void onNext(I message) {
                String id = instructionId.apply(message);
                if (!id.isEmpty()) {
                    ack.accept(id);
                }
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    private static InstructionAck ack(String instructionId) {
        return InstructionAck.newBuilder().setInstructionId(instructionId).setSuccess(true).build();
    }

    private static final class Platform extends PlatformServiceGrpc.PlatformServiceImplBase {

        private final int port;

        Platform(int port) {
            this.port = port;
        }

        @Override
        public void getPlatformServer(ClientIdentification request, StreamObserver<PlatformInfo> observer) {
            answer(observer, PlatformInfo.newBuilder().setSameConnection(true).setPrimary(NodeInfo.newBuilder()
                    .setHostName("127.0.0.1").setGrpcPort(port).setNodeName("fake").build()).build());
        }

        @Override
        public StreamObserver<PlatformInboundInstruction> openStream(
                StreamObserver<PlatformOutboundInstruction> observer) {
            return acknowledging(PlatformInboundInstruction::getInstructionId, id -> {
                synchronized (observer) {
                    observer.onNext(PlatformOutboundInstruction.newBuilder().setAck(ack(id)).build());
                }
            });
        }
    }

    private static final class Queries extends QueryServiceGrpc.QueryServiceImplBase {

        @Override
        public StreamObserver<QueryProviderOutbound> openStream(StreamObserver<QueryProviderInbound> observer) {
            return acknowledging(QueryProviderOutbound::getInstructionId, id -> {
                synchronized (observer) {
                    observer.onNext(QueryProviderInbound.newBuilder().setAck(ack(id)).build());
                }
            });
        }
    }

    private static final class Commands extends CommandServiceGrpc.CommandServiceImplBase {

        @Override
        public StreamObserver<CommandProviderOutbound> openStream(StreamObserver<CommandProviderInbound> observer) {
            return acknowledging(CommandProviderOutbound::getInstructionId, id -> {
                synchronized (observer) {
                    observer.onNext(CommandProviderInbound.newBuilder().setAck(ack(id)).build());
                }
            });
        }
    }

    private final class EventStore extends EventStoreGrpc.EventStoreImplBase {

        @Override
        public void listAggregateEvents(GetAggregateEventsRequest request, StreamObserver<Event> observer) {
            events.stream()
                    .filter(event -> event.getAggregateIdentifier().equals(request.getAggregateId())
                            && event.getAggregateSequenceNumber() >= request.getInitialSequence())
                    .forEach(observer::onNext);
            observer.onCompleted();
        }

        /** From the position the first request asks for, every event stored then; the stream stays open. */
        @Override
        public StreamObserver<GetEventsRequest> listEvents(StreamObserver<EventWithToken> observer) {
            return new StreamObserver<>() {
                private boolean started;

                @Override
                public synchronized void onNext(GetEventsRequest request) {
                    if (!started) {
                        started = true;
                        for (int token = (int) request.getTrackingToken(); token < events.size(); token++) {
                            observer.onNext(EventWithToken.newBuilder().setToken(token).setEvent(events.get(token))
                                    .build());
                        }
                    }
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    observer.onCompleted();
                }
            };
        }

        @Override
        public void getFirstToken(GetFirstTokenRequest request, StreamObserver<TrackingToken> observer) {
            answer(observer, TrackingToken.newBuilder().setToken(-1).build());
        }

        @Override
        public void getLastToken(GetLastTokenRequest request, StreamObserver<TrackingToken> observer) {
            answer(observer, TrackingToken.newBuilder().setToken(lastToken()).build());
        }

        /** Just before the first event stored at or after the instant, as a stream is opened after a token. */
        @Override
        public void getTokenAt(GetTokenAtRequest request, StreamObserver<TrackingToken> observer) {
            long token = lastToken();
            for (int position = 0; position < events.size(); position++) {
                if (events.get(position).getTimestamp() >= request.getInstant()) {
                    token = position - 1;
                    break;
                }
            }
            answer(observer, TrackingToken.newBuilder().setToken(token).build());
        }
    }
}
