package com.contractledger.query.webhook;

import com.contractledger.api.contract.ContractId;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.query.common.EventType;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What webhooks may subscribe to: the names of the ledger's events (the simple names of the event classes without
 * "Event") and of its notices ({@link WebhookNotices}).
 */
final class EventTypes {

    static final Set<String> NAMES = names();

    private EventTypes() {
    }

    private static Set<String> names() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        return Stream.of(ContractId.class, SupplierId.class)
                .flatMap(aggregate -> scan.findCandidateComponents(aggregate.getPackageName()).stream())
                .map(candidate -> EventType.named(ClassUtils.getShortName(candidate.getBeanClassName())))
                .collect(Collectors.toCollection(() -> new TreeSet<>(Set.of(
                        WebhookNotices.SUPPLIER_RISK_LEVEL_CHANGED))));
    }
}
