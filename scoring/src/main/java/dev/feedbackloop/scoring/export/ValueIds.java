package dev.feedbackloop.scoring.export;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Numbers the distinct byte strings of a column 0, 1, 2, … in order of first appearance: an open-addressing table
 * that grows with the number of distinct values, so a segment cell is identified without decoding it.
 */
final class ValueIds {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[][] keys = new byte[64][];
    private int[] hashes = new int[64];
    private int[] values = new int[64];
    private int size;
    private long[] shortKeys = new long[64];
    private int[] shortValues = new int[64];
    private int shortSize;

    int id(byte[] buf, int start, int end) {
        int length = end - start;
        if (length <= 7) {
            long key;
            if (start <= buf.length - 8) {
                key = (long) LONGS.get(buf, start) & ((1L << (length << 3)) - 1);
            } else {
                key = 0;
                for (int i = end - 1; i >= start; i--) {
                    key = key << 8 | (buf[i] & 0xFF);
                }
            }
            return shortId(key | (long) (length + 1) << 56, buf, start, end);
        }
        return longId(buf, start, end);
    }

    /** Values of up to 7 bytes are keyed by their bytes (little-endian) and length packed into a long. */
    private int shortId(long key, byte[] buf, int start, int end) {
        int mask = shortKeys.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (true) {
            long k = shortKeys[slot];
            if (k == key) {
                return shortValues[slot];
            }
            if (k == 0) {
                int id = longId(buf, start, end);
                shortKeys[slot] = key;
                shortValues[slot] = id;
                if (++shortSize * 2 > shortKeys.length) {
                    growShort();
                }
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void growShort() {
        long[] oldKeys = shortKeys;
        int[] oldValues = shortValues;
        shortKeys = new long[oldKeys.length * 2];
        shortValues = new int[shortKeys.length];
        int mask = shortKeys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = (int) ((oldKeys[i] * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                while (shortKeys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                shortKeys[slot] = oldKeys[i];
                shortValues[slot] = oldValues[i];
            }
        }
    }

    private int longId(byte[] buf, int start, int end) {
        int hash = 0x811c9dc5;
        for (int i = start; i < end; i++) {
            hash = (hash ^ buf[i]) * 0x01000193;
        }
        int mask = keys.length - 1;
        int slot = (hash ^ (hash >>> 15)) & mask;
        int length = end - start;
        while (true) {
            byte[] key = keys[slot];
            if (key == null) {
                keys[slot] = Arrays.copyOfRange(buf, start, end);
                hashes[slot] = hash;
                values[slot] = size;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
            if (hashes[slot] == hash && key.length == length && same(key, buf, start)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean same(byte[] key, byte[] buf, int start) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != buf[start + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        hashes = new int[keys.length];
        values = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = (oldHashes[i] ^ (oldHashes[i] >>> 15)) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
