package dev.feedbackloop.scoring.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small open-addressing cache from UTF-8 bytes to their decoded String, so that the few distinct values of a
 * segment column are decoded once. Stops caching (and simply decodes) once it holds {@link #MAX_ENTRIES} values.
 */
final class ValueCache {

    private static final int MAX_ENTRIES = 1024;
    private static final int SLOTS = 2048;
    private static final int MAX_KEY_LENGTH = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private int size;

    String decode(byte[] buf, int start, int end) {
        int length = end - start;
        if (length > MAX_KEY_LENGTH) {
            return new String(buf, start, length, StandardCharsets.UTF_8);
        }
        int hash = 0x811c9dc5;
        for (int i = start; i < end; i++) {
            hash = (hash ^ buf[i]) * 0x01000193;
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        while (true) {
            byte[] key = keys[slot];
            if (key == null) {
                String value = new String(buf, start, length, StandardCharsets.UTF_8);
                if (size < MAX_ENTRIES) {
                    keys[slot] = Arrays.copyOfRange(buf, start, end);
                    values[slot] = value;
                    size++;
                }
                return value;
            }
            if (key.length == length && Arrays.equals(key, 0, length, buf, start, end)) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }
}
