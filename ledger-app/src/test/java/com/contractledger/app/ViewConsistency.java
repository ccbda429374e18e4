package com.contractledger.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models checked against the event store: every stored event, as the audit export lists it, is reflected in
 * each view that should hold it, unless it is parked as a dead letter of that view's projection (and then so are the
 * later events of its aggregate, which wait behind it). What is checked: a contract's history holds its events one for
 * one (sequence and event id) with the latest as its version; its summary exists with that version; each of its
 * disputes has one timeline entry per dispute event; the milestones of its latest terms are listed. A supplier's
 * profile exists with the version of its latest event.
 */
final class ViewConsistency {

    /** The API's answer to a GET of {@code path}, null for a 404. */
    interface Views {
        JsonNode get(String path);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTRACT = "Contract";
    private static final String SUPPLIER = "SupplierRelationship";
    private static final List<String> PROJECTIONS = List.of("contract-history", "contract-summaries",
            "dispute-timelines", "milestones", "supplier-profiles");

    private ViewConsistency() {
    }

    /**
     * Waits until the views agree with the store (they catch up on their own time; an event stored meanwhile, such as
     * a deadline's, is taken in on the next round), failing with the inconsistencies if they never do.
     */
    static void assertConsistent(RunningLedger ledger) throws Exception {
        Views views = path -> {
            RunningLedger.Reply reply = ledger.get(path.startsWith("/api/admin/") ? "admin" : "auditor", path);
            if (reply.status() == 404) {
                return null;
            }
            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
            return parse(reply.body());
        };
        LedgerFixtures.eventually(Duration.ofSeconds(60), () -> {
            RunningLedger.Reply export = ledger.get("auditor", "/api/audit/export");
            assertThat(export.status()).as(export.body()).isEqualTo(200);
            List<String> lines = export.body().lines().filter(line -> !line.isBlank()).toList();
            assertThat(inconsistencies(lines, views)).as("views inconsistent with the %d stored events", lines.size())
                    .isEmpty();
        });
    }

    /** What the views miss or hold wrongly, one line each; empty when they agree with the exported events. */
    static List<String> inconsistencies(List<String> exportLines, Views views) {
        Map<String, List<JsonNode>> aggregates = new LinkedHashMap<>();
        for (String line : exportLines) {
            JsonNode event = parse(line);
            aggregates.computeIfAbsent(event.get("aggregateType").asText() + "/" + event.get("aggregateId").asText(),
                    key -> new ArrayList<>()).add(event);
        }
        aggregates.values().forEach(events -> events.sort(Comparator.comparingLong(e -> e.get("sequence").asLong())));
        List<String> problems = new ArrayList<>();
        Parked parked = parked(views, aggregates, problems);
        Set<String> listedMilestones = null;
        for (List<JsonNode> events : aggregates.values()) {
            String type = events.get(0).get("aggregateType").asText();
            String id = events.get(0).get("aggregateId").asText();
            if (type.equals(SUPPLIER)) {
                versioned(problems, "supplier " + id + " profile", views.get("/api/suppliers/" + id),
                        parked.visible("supplier-profiles", id, events));
            } else if (type.equals(CONTRACT)) {
                history(problems, id, views.get("/api/contracts/" + id + "/history"),
                        parked.visible("contract-history", id, events));
                versioned(problems, "contract " + id + " summary", views.get("/api/contracts/" + id),
                        parked.visible("contract-summaries", id, events));
                disputes(problems, id, views, parked.visible("dispute-timelines", id, events));
                Set<String> planned = plannedMilestones(id, parked.visible("milestones", id, events));
                if (!planned.isEmpty()) {
                    if (listedMilestones == null) {
                        listedMilestones = milestones(views);
                    }
                    for (String milestone : planned) {
                        if (!listedMilestones.contains(milestone)) {
                            problems.add("milestone " + milestone + " of the latest terms is not listed");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static void history(List<String> problems, String contractId, JsonNode history, List<JsonNode> events) {
        if (events.isEmpty()) {
            return;
        }
        if (history == null) {
            problems.add("contract " + contractId + " has no history");
            return;
        }
        List<String> stored = events.stream().map(e -> e.get("sequence").asLong() + ":" + e.get("eventId").asText())
                .toList();
        List<String> entries = new ArrayList<>();
        history.get("entries").forEach(e -> entries.add(e.get("sequence").asLong() + ":" + e.get("eventId").asText()));
        if (!entries.equals(stored)) {
            problems.add("contract " + contractId + " history holds " + entries + " but the store " + stored);
        }
        versioned(problems, "contract " + contractId + " history", history, events);
    }

    private static void versioned(List<String> problems, String what, JsonNode view, List<JsonNode> events) {
        if (events.isEmpty()) {
            return;
        }
        long latest = events.get(events.size() - 1).get("sequence").asLong();
        if (view == null) {
            problems.add(what + " is missing (latest stored sequence " + latest + ")");
        } else if (view.get("version").asLong() != latest) {
            problems.add(what + " is at version " + view.get("version").asLong() + ", the store at " + latest);
        }
    }

    private static void disputes(List<String> problems, String contractId, Views views, List<JsonNode> events) {
        Map<String, Integer> stored = new LinkedHashMap<>();
        for (JsonNode event : events) {
            if (event.get("type").asText().startsWith("Dispute")) {
                stored.merge(event.get("payload").get("disputeId").asText(), 1, Integer::sum);
            }
        }
        if (stored.isEmpty()) {
            return;
        }
        JsonNode timelines = views.get("/api/contracts/" + contractId + "/disputes");
        Map<String, Integer> shown = new HashMap<>();
        if (timelines != null) {
            timelines.forEach(t -> shown.put(t.get("disputeId").asText(), t.get("entries").size()));
        }
        stored.forEach((disputeId, count) -> {
            if (!count.equals(shown.get(disputeId))) {
                problems.add("contract " + contractId + " dispute " + disputeId + " has " + count
                        + " stored events but " + shown.get(disputeId) + " timeline entries");
            }
        });
    }

    /** The milestones of the latest terms (drafted, amended or renewed) as contract/KIND/milestoneId. */
    private static Set<String> plannedMilestones(String contractId, List<JsonNode> events) {
        JsonNode terms = null;
        for (JsonNode event : events) {
            if (event.get("payload").hasNonNull("terms")) {
                terms = event.get("payload").get("terms");
            }
        }
        Set<String> planned = new HashSet<>();
        if (terms != null) {
            terms.path("deliveries").forEach(d -> planned.add(contractId + "/DELIVERY/" + d.get("milestoneId").asText()));
            terms.path("paymentTerms").path("schedule")
                    .forEach(p -> planned.add(contractId + "/PAYMENT/" + p.get("milestoneId").asText()));
        }
        return planned;
    }

    private static Set<String> milestones(Views views) {
        Set<String> listed = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = views.get("/api/milestones?size=200&page=" + page);
            answer.get("items").forEach(m -> listed.add(m.get("contractId").asText() + "/" + m.get("kind").asText()
                    + "/" + m.get("milestoneId").asText()));
            if (answer.get("items").isEmpty() || (page + 1) * 200L >= answer.get("total").asLong()) {
                return listed;
            }
        }
    }

    /** The first parked sequence per projection and aggregate id. */
    private record Parked(Map<String, Map<String, Long>> first) {

        List<JsonNode> visible(String projection, String aggregateId, List<JsonNode> events) {
            Long from = first.getOrDefault(projection, Map.of()).get(aggregateId);
            return from == null ? events : events.stream().filter(e -> e.get("sequence").asLong() < from).toList();
        }
    }

    private static Parked parked(Views views, Map<String, List<JsonNode>> aggregates, List<String> problems) {
        Map<String, Map<String, Long>> first = new HashMap<>();
        Set<String> storedIds = new HashSet<>();
        aggregates.values().forEach(events -> events.forEach(e -> storedIds.add(e.get("eventId").asText())));
        for (JsonNode status : views.get("/api/admin/projections")) {
            String projection = status.get("name").asText();
            if (!PROJECTIONS.contains(projection) || status.path("deadLetters").asLong(0) == 0) {
                continue;
            }
            for (JsonNode letter : views.get("/api/admin/projections/" + projection + "/dead-letters?size=200")) {
                if (!storedIds.contains(letter.get("eventId").asText())) {
                    problems.add(projection + " parked event " + letter.get("eventId").asText() + " is not stored");
                }
                first.computeIfAbsent(projection, p -> new HashMap<>())
                        .merge(letter.get("aggregateId").asText(), letter.get("aggregateSequence").asLong(), Math::min);
            }
        }
        return new Parked(first);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
