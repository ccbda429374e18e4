package com.contractledger.app;

import com.contractledger.query.common.ReadModelTransactions;
import com.contractledger.readstore.ReadModelH2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
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
 * token on disk without the view writes it accounts for, and those would never be made again. Here the store only writes at a checkpoint, which waits until no unit of
 * work of a projection is under way and holds new ones back while it writes; every unit of work takes part through
 * {@link #transactionManager()}. After a crash the file therefore holds, for every batch, its view writes and its
 * token together or neither, and the processors go on from the last checkpoint.
 */
final class EmbeddedReadModelStore implements ReadModelTransactions, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedReadModelStore.class);

    private final Path file;
    private final MVStore store;
    private final H2Backend backend;
    // Fair, so a waiting checkpoint is not starved by a stream of new units of work.
    private final ReadWriteLock checkpoints = new ReentrantReadWriteLock(true);
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
            checkpoints.readLock().lock();
            return new Transaction() {
                @Override
                public void commit() {
                    checkpoints.readLock().unlock();
                }

                @Override
                public void rollback() {
                    checkpoints.readLock().unlock();
                }
            };
        };
    }

    @Override
    public void close() {
        checkpointer.shutdownNow();
        checkpoint();
    }
}
