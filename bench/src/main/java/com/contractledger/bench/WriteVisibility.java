package com.contractledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Write → visible: from the moment a write's response arrives (it answers the version it reached) until the
 * contract's summary first shows that version. Each client adds notes to a contract of its own, one at a time.
 */
final class WriteVisibility {

    /** How a client waits to see its write. */
    enum Reader {
        /** Reads the summary again every 5 ms. */
        POLLING,
        /** Reads {@code ?minVersion=n}, which the server answers once the summary reached n (or after its bounded wait). */
        WAITING
    }

    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();
    private static final long GIVE_UP_NANOS = Duration.ofSeconds(60).toNanos();

    private final ObjectMapper json = new ObjectMapper();
    private final LedgerServer server;

    WriteVisibility(LedgerServer server) {
        this.server = server;
    }

    /** {@code samples} writes shared among one client per contract of {@code contractIds}, all at once. */
    Latencies measure(List<String> contractIds, int samples, Reader reader) throws Exception {
        Latencies latencies = new Latencies();
        Workers.run(contractIds.size(), samples, (client, i) -> latencies.record(sample(contractIds.get(client), i, reader)));
        return latencies;
    }

    private long sample(String contractId, int index, Reader reader) throws Exception {
        LedgerServer.Reply write = server.post("buyer", "/api/contracts/" + contractId + "/disputes/dp-long/notes",
                Workload.note(index));
        long written = System.nanoTime();
        if (write.status() / 100 != 2) {
            throw new IllegalStateException("write failed with " + write.status() + ": " + write.body());
        }
        long version = json.readTree(write.body()).get("version").asLong();
        String path = "/api/contracts/" + contractId + (reader == Reader.WAITING ? "?minVersion=" + version : "");
        while (System.nanoTime() - written < GIVE_UP_NANOS) {
            LedgerServer.Reply read = server.get("buyer", path);
            if (read.status() == 200 && json.readTree(read.body()).get("version").asLong() >= version) {
                return System.nanoTime() - written;
            }
            if (reader == Reader.POLLING) {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        throw new IllegalStateException("version " + version + " of " + contractId + " not visible after 60 s");
    }
}
