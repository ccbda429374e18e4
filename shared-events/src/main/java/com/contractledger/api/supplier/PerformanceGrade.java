package com.contractledger.api.supplier;

/** Grade of a periodic performance evaluation, A best. */
public enum PerformanceGrade { A, B, C, D }
