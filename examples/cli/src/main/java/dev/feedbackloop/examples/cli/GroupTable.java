package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.export.ExportRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The groups of one part of an export, found per row without decoding segment cells: each row's segment values are
 * numbered by the reader ({@link ExportRow#valueId(int)}), and the numbers plus the period bucket key an
 * open-addressing table. Each value is decoded once, when first met. {@link #toMap()} gives the groups under their
 * {@link GroupKey}s, which are comparable across parts. Not thread-safe: one table per part.
 *
 * @param <T> the tally type of a group
 */
final class GroupTable<T> {

    /** Value numbers below this find their group directly (one segment, no period); others use the hash table. */
    private static final int DIRECT_LIMIT = 4096;

    private final int segments;
    private final int firstSlot;
    private final Supplier<T> factory;
    private final List<List<String>> names = new ArrayList<>();
    private final int[] probe;

    private int[] slots = new int[64];
    private int[] keyIds = new int[0];
    private long[] keyBuckets = new long[0];
    private final List<T> values = new ArrayList<>();
    /** With one segment and no period, the group of each value number, where known. */
    private @Nullable Object[] direct = new Object[16];
    private long currentBucket;

    /**
     * @param segments the number of segment columns
     * @param firstSlot the slot of the first segment column among the selected columns (the others follow it)
     * @param factory makes the tally of a new group
     */
    GroupTable(int segments, int firstSlot, Supplier<T> factory) {
        this.segments = segments;
        this.firstSlot = firstSlot;
        this.factory = factory;
        this.probe = new int[segments];
        for (int i = 0; i < segments; i++) {
            names.add(new ArrayList<>());
        }
        Arrays.fill(slots, -1);
    }

    /** The tally of the row's group, created on first use. */
    T find(ExportRow row, long bucket) {
        if (segments == 1 && bucket == GroupKey.NO_PERIOD) {
            // One segment column and no period: the value's number indexes the groups directly.
            int id = row.valueId(firstSlot);
            if (id >= 0 && id < direct.length && direct[id] != null) {
                return tally(direct[id]);
            }
            T value = findHashed(row, bucket);
            if (id >= 0 && id < DIRECT_LIMIT) {
                if (id >= direct.length) {
                    direct = Arrays.copyOf(direct, Math.min(DIRECT_LIMIT, Math.max(id + 1, direct.length * 2)));
                }
                direct[id] = value;
            }
            return value;
        }
        return findHashed(row, bucket);
    }

    @SuppressWarnings("unchecked")
    private T tally(Object value) {
        return (T) value;
    }

    private T findHashed(ExportRow row, long bucket) {
        currentBucket = bucket;
        int hash = Long.hashCode(bucket * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < segments; i++) {
            int id = row.valueId(firstSlot + i);
            if (id >= names.get(i).size()) {
                names.get(i).add(row.value(firstSlot + i));
            }
            probe[i] = id;
            hash = hash * 31 + id;
        }
        hash ^= hash >>> 16;
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int index = slots[slot];
            if (index < 0) {
                return add(slot);
            }
            if (matches(index, bucket)) {
                return values.get(index);
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean matches(int index, long bucket) {
        if (keyBuckets[index] != bucket) {
            return false;
        }
        int at = index * segments;
        for (int i = 0; i < segments; i++) {
            if (keyIds[at + i] != probe[i]) {
                return false;
            }
        }
        return true;
    }

    private T add(int slot) {
        int index = values.size();
        T value = factory.get();
        values.add(value);
        if (keyBuckets.length == index) {
            keyBuckets = Arrays.copyOf(keyBuckets, Math.max(16, index * 2));
            keyIds = Arrays.copyOf(keyIds, keyBuckets.length * segments);
        }
        System.arraycopy(probe, 0, keyIds, index * segments, segments);
        keyBuckets[index] = currentBucket;
        slots[slot] = index;
        if (values.size() * 2 > slots.length) {
            rehash();
        }
        return value;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int index = 0; index < values.size(); index++) {
            int hash = Long.hashCode(keyBuckets[index] * 0x9E3779B97F4A7C15L);
            for (int i = 0; i < segments; i++) {
                hash = hash * 31 + keyIds[index * segments + i];
            }
            hash ^= hash >>> 16;
            int slot = hash & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = index;
        }
        slots = bigger;
    }

    /** Calls {@code action} on every group's tally. */
    void forEach(Consumer<? super T> action) {
        values.forEach(action);
    }

    /** The groups under keys made of their decoded values and bucket. */
    Map<GroupKey, T> toMap() {
        Map<GroupKey, T> map = new HashMap<>();
        for (int index = 0; index < values.size(); index++) {
            @Nullable String[] segment = new String[segments];
            for (int i = 0; i < segments; i++) {
                int id = keyIds[index * segments + i];
                segment[i] = id < 0 ? null : names.get(i).get(id);
            }
            map.put(new GroupKey(segment, keyBuckets[index]), values.get(index));
        }
        return map;
    }
}
