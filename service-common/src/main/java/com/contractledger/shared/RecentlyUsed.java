package com.contractledger.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A thread-safe map of at most {@code capacity} entries that forgets the least recently used first. */
public final class RecentlyUsed<K, V> {

    private final Map<K, V> entries;

    public RecentlyUsed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void putAll(Map<? extends K, ? extends V> values) {
        entries.putAll(values);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    public synchronized Set<K> keys() {
        return Set.copyOf(entries.keySet());
    }
}
