package com.contractledger.command.common;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The refusal tests' one assertion, and their record: {@link #refused} checks that a command broke the given rule
 * with a detail containing the fragment and that nothing was stored, and notes the refusal under the rule's code.
 * The rule catalogue's test reads the notes to check that every code is refused somewhere, and takes its examples
 * from them. Test classes that refuse are tagged {@value #TAG}.
 */
public final class Refusals {

    public static final String TAG = "refusals";

    private static final Map<String, Set<RuleViolationException>> SEEN = new ConcurrentHashMap<>();

    private Refusals() {
    }

    public static <T> void refused(ResultValidator<T> result, Rule rule, String detailFragment) {
        result.expectException(breaking(rule, detailFragment)).expectNoEvents();
    }

    /** The refusals noted under a rule's code so far. */
    public static Set<RuleViolationException> of(Rule rule) {
        return SEEN.getOrDefault(rule.name(), Set.of());
    }

    /**
     * One refusal of the rule to show as its example, the same on every run: the shortest detail, the first of those
     * alphabetically, then by its facts.
     */
    public static Optional<RuleViolationException> example(Rule rule) {
        return of(rule).stream().min(Comparator.comparing((RuleViolationException e) -> e.getMessage().length())
                .thenComparing(RuleViolationException::getMessage)
                .thenComparing(e -> e.facts().toString()));
    }

    /** Matches a refusal by {@code rule} whose detail contains the fragment, and notes it. */
    public static Matcher<Throwable> breaking(Rule rule, String detailFragment) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                if (failure instanceof RuleViolationException violation && violation.rule() == rule
                        && violation.getMessage().contains(detailFragment)) {
                    SEEN.computeIfAbsent(rule.name(), code -> ConcurrentHashMap.newKeySet()).add(violation);
                    return true;
                }
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by rule " + rule.name() + " whose detail contains ")
                        .appendValue(detailFragment);
            }

            @Override
            protected void describeMismatchSafely(Throwable failure, Description mismatch) {
                mismatch.appendText(failure instanceof RuleViolationException violation
                        ? "rule " + violation.rule().name() + ": " + violation.getMessage()
                        : failure.toString());
            }
        };
    }
}
