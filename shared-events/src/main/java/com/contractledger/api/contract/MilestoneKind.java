package com.contractledger.api.contract;

/** Whether a milestone is a delivery or a payment. */
public enum MilestoneKind { DELIVERY, PAYMENT }
