package com.contractledger.api.contract;

/** What a contract buys. */
public enum ContractType { GOODS, SERVICES, CONSTRUCTION }
