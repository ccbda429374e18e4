package com.contractledger.query.common;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The transaction around each unit of work of the projections' processors while their tokens live in MongoDB next to
 * the views: none on a real MongoDB, whose acknowledged writes are durable one by one; the embedded store brings its
 * own (it makes a batch's view writes and token durable together).
 */
public interface ReadModelTransactions {

    ReadModelTransactions NONE = () -> NoTransactionManager.INSTANCE;

    TransactionManager transactionManager();
}
