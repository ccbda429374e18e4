package com.contractledger.query.audit;

import com.contractledger.api.serialization.HashChain;

/**
 * The answer of {@code /api/audit/.../verify}: {@code verified} when every stored event's hash recomputes from the
 * stored event, under the scheme its metadata names, and links to the one before; else the sequence number of the first event where the chain breaks.
 */
public record ChainVerification(String aggregateId, boolean verified, long events, String headHash,
                                Long firstBrokenSequence) {

    /** Recomputes the chain event by event, in sequence order, in constant memory. */
    static final class Verifier {

        private final String aggregateId;
        private long events;
        private long expectedSequence;
        private String previousHash = HashChain.GENESIS;
        private Long firstBrokenSequence;

        Verifier(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        void accept(StoredEvent event) {
            events++;
            String storedHash = event.metaDataText(HashChain.HASH);
            boolean intact;
            try {
                String recomputed = HashChain.hash(HashChain.scheme(event.metaData().get(HashChain.HASH_SCHEME)),
                        previousHash, event.aggregateId(), event.sequence(),
                        event.eventId(), event.payloadType(), event.timestamp(), event.metaDataText("actor"),
                        event.payloadBytes());
                intact = event.sequence() == expectedSequence
                        && previousHash.equals(event.metaDataText(HashChain.PREVIOUS_HASH))
                        && recomputed.equals(storedHash);
            } catch (RuntimeException unreadable) {
                intact = false;
            }
            if (!intact && firstBrokenSequence == null) {
                firstBrokenSequence = event.sequence();
            }
            // Go on from the stored hash, so a later break is still told apart from the first.
            previousHash = storedHash == null ? "" : storedHash;
            expectedSequence = event.sequence() + 1;
        }

        ChainVerification result() {
            return new ChainVerification(aggregateId, firstBrokenSequence == null, events,
                    events == 0 ? null : previousHash, firstBrokenSequence);
        }
    }
}
