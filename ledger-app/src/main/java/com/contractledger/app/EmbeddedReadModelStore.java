package com.contractledger.app;

import com.contractledger.query.common.ReadModelTransactions;
import com.contractledger.readstore.ReadModelH2Backend;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.bson.BsonArray;
import org.bson.BsonValue;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded read-model store's file, written only at checkpoints that never split a processor's unit of work.
 * <p>
 * Left to itself, H2's MVStore writes its changes to the file in the background, and from a writing thread once
 * enough are unsaved, map by map, each at a slightly different moment, so a {@code kill -9} could leave a processor's
 * token on disk without the view writes it accounts for, and those would never be made again. Here the store only
 * writes at a checkpoint, which waits until no unit of work of a projection is writing and holds new writes back while
 * it writes; every unit of work takes part through {@link #transactionManager()}. After a crash the file therefore
 * holds, for every batch, its view writes and its token together or neither, and the processors go on from the last
 * checkpoint.
 * <p>
 * A unit of work joins in at its first write, not at its start ({@link #writesOfUnitsOfWork()} is told of every
 * command the driver sends): a batch reads and applies its events for as long as it takes and writes only at its end,
 * so a checkpoint waits for writes under way and not for a long batch's reading, and every other processor's writes
 * queued behind that checkpoint do not wait for it either.
 */
final class EmbeddedReadModelStore implements ReadModelTransactions, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedReadModelStore.class);
    /**
     * What a unit of work may send before it writes. Anything else counts as a write, and so does an aggregation
     * whose last stage stores its result ({@code $out}, {@code $merge}).
     */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "aggregate",
            "listCollections", "listIndexes", "listDatabases", "killCursors", "endSessions", "ping", "hello",
            "isMaster", "ismaster", "buildInfo", "saslStart", "saslContinue");

    private final Path file;
    private final MVStore store;
    private final H2Backend backend;
    // Fair, so a waiting checkpoint is not starved by a stream of new units of work.
    private final ReadWriteLock checkpoints = new ReentrantReadWriteLock(true);
    private final ThreadLocal<Deque<UnitOfWork>> openOnThisThread = ThreadLocal.withInitial(ArrayDeque::new);
    private final ScheduledExecutorService checkpointer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    EmbeddedReadModelStore(Path file, Duration checkpointInterval) {
        this.file = file;
        this.store = ReadModelH2Backend.openFile(file);
        this.backend = new ReadModelH2Backend(store);
        long millis = checkpointInterval.toMillis();
        checkpointer.scheduleWithFixedDelay(this::checkpoint, millis, millis, TimeUnit.MILLISECONDS);
    }

    Path file() {
        return file;
    }

    H2Backend backend() {
        return backend;
    }

    /** Writes every change made so far to the file, once no unit of work is half done. */
    void checkpoint() {
        checkpoints.writeLock().lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
            }
        } catch (RuntimeException e) {
            log.warn("checkpoint of the read-model store failed; retrying at the next", e);
        } finally {
            checkpoints.writeLock().unlock();
        }
    }

    @Override
    public TransactionManager transactionManager() {
        return () -> {
            UnitOfWork unitOfWork = new UnitOfWork();
            openOnThisThread.get().push(unitOfWork);
            return unitOfWork;
        };
    }

    /** To be told of every command the read-model store's clients send: a write joins its unit of work in. */
    CommandListener writesOfUnitsOfWork() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (!READS.contains(event.getCommandName()) || storesResult(event)) {
                    openOnThisThread.get().forEach(UnitOfWork::writing);
                }
            }
        };
    }

    private static boolean storesResult(CommandStartedEvent event) {
        if (!"aggregate".equals(event.getCommandName())) {
            return false;
        }
        BsonArray pipeline = event.getCommand().getArray("pipeline", new BsonArray());
        BsonValue last = pipeline.isEmpty() ? null : pipeline.get(pipeline.size() - 1);
        return last != null && last.isDocument()
                && (last.asDocument().containsKey("$out") || last.asDocument().containsKey("$merge"));
    }

    /** A unit of work of this thread, holding checkpoints back from its first write until it ends. */
    private final class UnitOfWork implements Transaction {

        private boolean writing;

        void writing() {
            if (!writing) {
                checkpoints.readLock().lock();
                writing = true;
            }
        }

        @Override
        public void commit() {
            end();
        }

        @Override
        public void rollback() {
            end();
        }

        private void end() {
            openOnThisThread.get().remove(this);
            if (writing) {
                writing = false;
                checkpoints.readLock().unlock();
            }
        }
    }

    @Override
    public void close() {
        checkpointer.shutdownNow();
        checkpoint();
    }
}
