package com.contractledger.query.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which generation of its collections each projection serves and writes. Generation 0 is the bare collection name,
 * generation n the name with {@code _v<n>}. Normally a projection reads and writes its live generation. A replay
 * starts a new generation: from then on the projection writes into the new one while the API keeps reading the live
 * one, the previous complete version, until the replay has caught up; then {@link #complete} makes the new generation
 * live in one step. The registry is stored in {@code projection_versions}, so a replay interrupted by a crash goes on
 * building the same generation after a restart. The previous generation is dropped when the next replay starts, so
 * a reader still busy with it at the switch never finds it gone.
 * <p>
 * Resetting a processor's tokens is not atomic: the reset handler records the new generation, then each segment's
 * token is rewritten on its own. {@link #tokensReset} is recorded once every token was rewritten; a generation being
 * built without it was interrupted half-way, and some segments would never replay into it, so the replay must be
 * started again.
 * <p>
 * The registry also records the layout each generation was written in ({@code ReadModel.layout}): a generation of
 * another layout than the code declares is not served, and is replaced by a replay started at start-up.
 */
public class ReadModelGenerations {

    /** The generations of one processing group: {@code building} is null unless a replay is running. */
    @Document(Registry.COLLECTION)
    public record Registry(@Id String id, List<String> collections, int live, Integer building,
                           Instant buildingSince, Instant liveSince, boolean tokensReset, Integer liveLayout,
                           Integer buildingLayout) {

        /** A registry stored before layouts were recorded is of layout 0. */
        public Registry {
            liveLayout = liveLayout == null ? 0 : liveLayout;
            buildingLayout = buildingLayout == null ? 0 : buildingLayout;
        }

        public static final String COLLECTION = "projection_versions";

        int writing() {
            return building == null ? live : building;
        }
    }

    private final MongoTemplate mongo;
    private final Map<String, Registry> registries = new ConcurrentHashMap<>();
    private final Map<String, Integer> layouts = new ConcurrentHashMap<>();

    public ReadModelGenerations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static String collection(String base, int generation) {
        return generation == 0 ? base : base + "_v" + generation;
    }

    /** The name under which the API reads {@code base} of {@code group}. */
    public String read(String group, String base) {
        return collection(base, registry(group).live());
    }

    /**
     * The name under which the projection of {@code group} writes (and reads back) {@code base}. Within a processor's
     * unit of work the registry is read from the store once per batch, so a query-side instance that did not start a
     * replay still writes into the generation another instance is building.
     */
    public String write(String group, String base) {
        if (CurrentUnitOfWork.isStarted()) {
            Registry current = CurrentUnitOfWork.get().root().getOrComputeResource(
                    ReadModelGenerations.class.getName() + "/" + group, key -> refresh(group));
            return collection(base, current.writing());
        }
        return collection(base, registry(group).writing());
    }

    /** The names of {@code base} in use: the one served and, during a replay, the one being built. */
    public List<String> inUse(String group, String base) {
        return Stream.of(read(group, base), write(group, base)).distinct().toList();
    }

    public Registry registry(String group) {
        return registries.computeIfAbsent(group, id -> {
            Registry stored = mongo.findById(id, Registry.class);
            return stored != null ? stored : new Registry(id, List.of(), 0, null, null, null, false, 0, 0);
        });
    }

    /** Reads {@code group}'s registry from the store again: another instance may have started or ended a replay. */
    public synchronized Registry refresh(String group) {
        Registry stored = mongo.findById(group, Registry.class);
        Registry current = stored != null ? stored : new Registry(group, List.of(), 0, null, null, null, false, 0, 0);
        registries.put(group, current);
        return current;
    }

    public boolean isBuilding(String group) {
        return registry(group).building() != null;
    }

    /**
     * Starts a new generation of {@code collections} for {@code group}, into which the projection writes from now on,
     * and returns its number. Collections of any generation but the live one are dropped first: leftovers of an
     * abandoned build and the generation the last switch retired.
     */
    public synchronized int startBuilding(String group, List<String> collections) {
        Registry current = registry(group);
        int next = Math.max(current.live(), current.building() == null ? 0 : current.building()) + 1;
        for (String name : mongo.getCollectionNames()) {
            for (String base : collections) {
                if (isGeneration(name, base) && !name.equals(collection(base, current.live()))) {
                    mongo.dropCollection(name);
                }
            }
        }
        store(new Registry(group, List.copyOf(collections), current.live(), next, Instant.now(),
                current.liveSince(), false, current.liveLayout(), layout(group)));
        return next;
    }

    /** Makes the generation being built the live one. */
    public synchronized void complete(String group) {
        Registry current = registry(group);
        if (current.building() != null) {
            store(new Registry(group, current.collections(), current.building(), null, null, Instant.now(), false,
                    current.buildingLayout(), 0));
        }
    }

    /** Records that every token of {@code group}'s processor now replays into the generation being built. */
    public synchronized void tokensReset(String group) {
        Registry current = registry(group);
        if (current.building() != null) {
            store(new Registry(group, current.collections(), current.live(), current.building(),
                    current.buildingSince(), current.liveSince(), true, current.liveLayout(),
                    current.buildingLayout()));
        }
    }

    /** A replay of {@code group} began but was interrupted before every token was reset. */
    public boolean isResetInterrupted(String group) {
        Registry current = registry(group);
        return current.building() != null && !current.tokensReset();
    }

    /** The layout {@code group}'s projection writes its collections in (see {@code ReadModel.layout}). */
    public void declareLayout(String group, int layout) {
        layouts.put(group, layout);
    }

    /** A store with no registry and no documents of {@code group} yet is of the declared layout already. */
    public synchronized void adoptLayoutIfEmpty(String group, List<String> collections) {
        if (layout(group) != 0 && mongo.findById(group, Registry.class) == null
                && collections.stream().allMatch(base -> mongo.getCollection(base).estimatedDocumentCount() == 0)) {
            store(new Registry(group, List.copyOf(collections), 0, null, null, null, false, layout(group), 0));
        }
    }

    /** The generation served was written in another layout than the one declared, and cannot be read. */
    public boolean servesOutdatedLayout(String group) {
        return registry(group).liveLayout() != layout(group);
    }

    /** The generation written is of another layout than the one declared: only a replay makes one of the declared. */
    public boolean writesOutdatedLayout(String group) {
        Registry current = registry(group);
        return (current.building() == null ? current.liveLayout() : current.buildingLayout()) != layout(group);
    }

    private int layout(String group) {
        return layouts.getOrDefault(group, 0);
    }

    private void store(Registry registry) {
        mongo.save(registry);
        registries.put(registry.id(), registry);
    }

    private static boolean isGeneration(String name, String base) {
        return name.equals(base) || (name.startsWith(base + "_v") && name.substring(base.length() + 2).matches("\\d+"));
    }
}
