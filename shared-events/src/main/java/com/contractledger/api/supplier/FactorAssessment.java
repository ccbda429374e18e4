package com.contractledger.api.supplier;

/** Qualitative assessment of one credit factor. */
public enum FactorAssessment { POOR, WEAK, FAIR, GOOD, STRONG, EXCELLENT }
