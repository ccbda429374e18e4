package com.contractledger.api.contract;

/** Which side is responsible for a breach. */
public enum ResponsibleParty { SUPPLIER, BUYER }
