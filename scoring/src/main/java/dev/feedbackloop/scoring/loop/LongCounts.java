package dev.feedbackloop.scoring.loop;

import java.util.Arrays;

/**
 * A multiset of {@code long} values as an open-addressing hash map from value to count, with no boxing: memory grows
 * with the number of distinct values, not with the number added. {@link Long#MIN_VALUE} marks a free slot and cannot
 * be added. The sparse part of {@link BoundedCounts}, which bounds its size. Not thread-safe.
 */
final class LongCounts {

    private static final long FREE = Long.MIN_VALUE;

    private long[] keys;
    private long[] counts;
    private int distinct;

    LongCounts() {
        keys = new long[16];
        Arrays.fill(keys, FREE);
        counts = new long[16];
    }

    void add(long key, long count) {
        if (key == FREE) {
            throw new IllegalArgumentException("key: " + key + " is reserved, expected a larger value");
        }
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                counts[slot] += count;
                return;
            }
            if (k == FREE) {
                keys[slot] = key;
                counts[slot] = count;
                distinct++;
                if (distinct * 2 > keys.length) {
                    rehash(keys.length * 2, FREE);
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The number of slots of the table, a power of two; it doubles when more than half are in use. */
    int capacity() {
        return keys.length;
    }

    /** The bytes of the table's arrays. */
    long bytes() {
        return keys.length * 16L + 32;
    }

    /** A receiver of value/count pairs. */
    interface PairConsumer {
        void accept(long value, long count);
    }

    /** Calls {@code action} on every distinct value and its count, in no particular order. */
    void forEach(PairConsumer action) {
        long[] k = keys;
        long[] c = counts;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != FREE) {
                action.accept(k[i], c[i]);
            }
        }
    }

    int distinct() {
        return distinct;
    }

    /** The distinct values in ascending order, each followed by its count: {@code [v0, c0, v1, c1, ...]}. */
    long[] sortedPairs() {
        long[] sortedKeys = new long[distinct];
        int n = 0;
        for (long k : keys) {
            if (k != FREE) {
                sortedKeys[n++] = k;
            }
        }
        Arrays.sort(sortedKeys);
        long[] pairs = new long[distinct * 2];
        for (int i = 0; i < distinct; i++) {
            pairs[2 * i] = sortedKeys[i];
            pairs[2 * i + 1] = count(sortedKeys[i]);
        }
        return pairs;
    }

    long count(long key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return counts[slot];
            }
            if (k == FREE) {
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Removes every value below {@code bound} and returns how many were removed, counting multiplicity. */
    long removeBelow(long bound) {
        long removed = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE && keys[i] < bound) {
                removed += counts[i];
            }
        }
        if (removed > 0) {
            int capacity = keys.length;
            while (capacity > 16 && distinct * 8 < capacity) {
                capacity /= 2;
            }
            rehash(Math.max(16, capacity), bound);
        }
        return removed;
    }

    /** Rebuilds the table with the given capacity, keeping only values at or above {@code keepFrom}. */
    private void rehash(int capacity, long keepFrom) {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[capacity];
        Arrays.fill(keys, FREE);
        counts = new long[capacity];
        distinct = 0;
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
            if (k == FREE || k < keepFrom) {
                continue;
            }
            int slot = mix(k) & mask;
            while (keys[slot] != FREE) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            counts[slot] = oldCounts[i];
            distinct++;
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
