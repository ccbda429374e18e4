package com.contractledger.query.scorecard;

import com.contractledger.api.contract.BreachType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one contract contributes to its supplier's scorecard. Kept per contract, guarded by the contract's own
 * sequence, so events of different contracts may arrive in any interleaving and each still counts exactly once.
 */
@Document(ContractScoreSource.COLLECTION)
public record ContractScoreSource(@Id String id, String supplierId, int deliveries, int lateDeliveries,
                                  BigDecimal deliveredQuantity, BigDecimal acceptedQuantity,
                                  List<BreachType> breaches, int disputesOpened, int disputesResolved,
                                  long lastSequence) {

    public static final String COLLECTION = "scorecard_contracts";

    public ContractScoreSource {
        breaches = List.copyOf(breaches);
    }

    static ContractScoreSource drafted(String contractId, String supplierId, long sequence) {
        return new ContractScoreSource(contractId, supplierId, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), 0,
                0, sequence);
    }

    ContractScoreSource delivered(boolean late, BigDecimal delivered, BigDecimal accepted, long sequence) {
        return new ContractScoreSource(id, supplierId, deliveries + 1, lateDeliveries + (late ? 1 : 0),
                deliveredQuantity.add(delivered), acceptedQuantity.add(accepted), breaches, disputesOpened,
                disputesResolved, sequence);
    }

    ContractScoreSource breached(BreachType type, long sequence) {
        List<BreachType> more = new ArrayList<>(breaches);
        more.add(type);
        return new ContractScoreSource(id, supplierId, deliveries, lateDeliveries, deliveredQuantity,
                acceptedQuantity, more, disputesOpened, disputesResolved, sequence);
    }

    ContractScoreSource disputes(int opened, int resolved, long sequence) {
        return new ContractScoreSource(id, supplierId, deliveries, lateDeliveries, deliveredQuantity,
                acceptedQuantity, breaches, disputesOpened + opened, disputesResolved + resolved, sequence);
    }
}
