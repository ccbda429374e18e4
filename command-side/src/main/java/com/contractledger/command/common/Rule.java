package com.contractledger.command.common;

/**
 * A business rule an aggregate enforces: a stable code (the enum constant's name, which clients switch on) and a
 * one-line statement. Every rule lives in one of the catalogue's enums ({@code CommonRule}, {@code ContractRule},
 * {@code SupplierRule}); docs/rules.md is generated from them.
 */
public interface Rule {

    /** The stable code, e.g. {@code LOW_CREDIT_GUARANTEE}. */
    String name();

    /** The rule in one sentence: the problem's {@code title}. */
    String statement();

    /**
     * The refusal of a command that breaks this rule.
     *
     * @param detail this case, in a sentence for the person who sent the command
     * @param facts  what decided it, as name and value pairs in order ({@code "required", 850.00, "given", 500.00})
     */
    default RuleViolationException violation(String detail, Object... facts) {
        return new RuleViolationException(this, detail, RuleViolationException.facts(facts));
    }
}
