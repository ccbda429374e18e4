package com.contractledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A number of workers sharing {@code tasks} numbered tasks. The first failure ends the run with its cause, and no
 * worker outlives it: the threads are daemons and stopped, so a failed benchmark exits instead of waiting on them.
 */
final class Workers {

    interface Task {
        void run(int worker, int index) throws Exception;
    }

    private Workers() {
    }

    static void run(int workers, int tasks, Task task) throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "bench-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                int self = worker;
                running.add(pool.submit(() -> {
                    for (int index = next.getAndIncrement(); index < tasks; index = next.getAndIncrement()) {
                        task.run(self, index);
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }
}
