package com.contractledger.query.readmodel;

import jakarta.annotation.PostConstruct;
import org.axonframework.eventhandling.ResetHandler;

/**
 * A projection over one read model: the read model's indexes are made at start, and a replay starts a new generation
 * of its collections, which the projection builds while the API keeps serving the complete one.
 */
public abstract class Projection {

    protected final ReadModel readModel;

    protected Projection(ReadModel readModel) {
        this.readModel = readModel;
    }

    @PostConstruct
    public void createIndexes() {
        readModel.createIndexes();
    }

    @ResetHandler
    public void reset() {
        readModel.reset();
    }
}
