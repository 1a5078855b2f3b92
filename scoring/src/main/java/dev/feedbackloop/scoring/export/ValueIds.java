package dev.feedbackloop.scoring.export;

import java.util.Arrays;

/**
 * Numbers the distinct byte strings of a column 0, 1, 2, … in order of first appearance: an open-addressing table
 * that grows with the number of distinct values, so a segment cell is identified without decoding it.
 */
final class ValueIds {

    private byte[][] keys = new byte[64][];
    private int[] hashes = new int[64];
    private int[] values = new int[64];
    private int size;

    int id(byte[] buf, int start, int end) {
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
