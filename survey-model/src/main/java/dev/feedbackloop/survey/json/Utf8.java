package dev.feedbackloop.survey.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Strict UTF-8 validation of byte input, run before the bytes reach Jackson, whose byte decoder accepts some
 * malformed UTF-8 (overlong forms such as {@code C0 AF} for {@code '/'}).
 *
 * <p>Accepts exactly the well-formed UTF-8 of the Unicode standard (table 3-7), which is what
 * {@link java.nio.charset.StandardCharsets#UTF_8}'s decoder accepts when set to report errors: no overlong forms
 * ({@code C0}, {@code C1}, {@code E0 80..9F}, {@code F0 80..8F}), no surrogates ({@code ED A0..BF}), nothing above
 * U+10FFFF ({@code F4 90..BF}, {@code F5..FF}), no truncated sequences and no stray continuation bytes.
 *
 * <p>Design note: this sits on the ingest hot path, so the check is one pass with no allocation, and mostly-ASCII
 * input is skipped eight bytes at a time. Only a failure does more work (naming the problem and its line and
 * column).
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /**
     * Returns the offset of the first byte of the first malformed sequence.
     *
     * @param bytes the bytes
     * @param from the first offset to check
     * @param to the offset after the last to check
     * @return the offset where the first malformed sequence starts, or -1 if the range is well-formed UTF-8
     */
    static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            // ASCII fast path: eight bytes at a time, then byte by byte.
            while (i + 8 <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            while (i < to && bytes[i] >= 0) {
                i++;
            }
            if (i >= to) {
                return -1;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0xC2) { // a stray continuation byte (80..BF) or an overlong lead (C0, C1)
                return i;
            }
            if (lead < 0xE0) {
                if (i + 1 >= to || (bytes[i + 1] & 0xC0) != 0x80) {
                    return i;
                }
                i += 2;
            } else if (lead < 0xF0) {
                if (i + 2 >= to) {
                    return i;
                }
                int second = bytes[i + 1] & 0xFF;
                if ((second & 0xC0) != 0x80 || (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                        || (bytes[i + 2] & 0xC0) != 0x80) {
                    return i;
                }
                i += 3;
            } else if (lead < 0xF5) {
                if (i + 3 >= to) {
                    return i;
                }
                int second = bytes[i + 1] & 0xFF;
                if ((second & 0xC0) != 0x80 || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)
                        || (bytes[i + 2] & 0xC0) != 0x80 || (bytes[i + 3] & 0xC0) != 0x80) {
                    return i;
                }
                i += 4;
            } else { // F5..FF never occur
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks that bytes Jackson would decode as UTF-8 are well-formed UTF-8. Bytes that Jackson detects as UTF-16
     * or UTF-32 (a BOM {@code FE FF} or {@code FF FE}, or a zero in the first two bytes) are left to Jackson.
     *
     * @param bytes the whole document
     * @throws SurveyJsonException if the bytes are UTF-8 but malformed
     */
    static void requireValid(byte[] bytes) {
        if (bytes.length >= 2) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            if (first == 0 || second == 0 || (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)) {
                return;
            }
        }
        int at = firstInvalid(bytes, 0, bytes.length);
        if (at >= 0) {
            throw invalid(bytes, at);
        }
    }

    /** The exception for the malformed sequence starting at {@code at}: what is wrong, and where. */
    private static SurveyJsonException invalid(byte[] bytes, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) { // line breaks as Jackson counts them: \n, \r\n and a lone \r
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new SurveyJsonException("", "invalid UTF-8 at byte offset " + at + ": " + problem(bytes, at),
                line, at - lineStart + 1, List.of(), null);
    }

    /** Names what is wrong with the malformed sequence starting at {@code at}. */
    static String problem(byte[] bytes, int at) {
        int lead = bytes[at] & 0xFF;
        if (lead < 0xC0) {
            return "unexpected continuation byte " + hex(lead);
        }
        if (lead < 0xC2) {
            return "overlong encoding (lead byte " + hex(lead) + ")";
        }
        if (lead >= 0xF8) {
            return "byte " + hex(lead) + " never occurs in UTF-8";
        }
        if (lead >= 0xF5) {
            return "code point above U+10FFFF (lead byte " + hex(lead) + ")";
        }
        int length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        for (int k = 1; k < length; k++) {
            if (at + k >= bytes.length) {
                return "truncated " + length + "-byte sequence at the end of the input";
            }
            int next = bytes[at + k] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return "truncated " + length + "-byte sequence (" + hex(next) + " is not a continuation byte)";
            }
            if (k == 1) {
                if ((lead == 0xE0 && next < 0xA0) || (lead == 0xF0 && next < 0x90)) {
                    return "overlong encoding (" + hex(lead) + " " + hex(next) + ")";
                }
                if (lead == 0xED && next > 0x9F) {
                    return "UTF-16 surrogate (" + hex(lead) + " " + hex(next) + ")";
                }
                if (lead == 0xF4 && next > 0x8F) {
                    return "code point above U+10FFFF (" + hex(lead) + " " + hex(next) + ")";
                }
            }
        }
        return "malformed sequence";
    }

    private static String hex(int b) {
        return String.format("0x%02X", b);
    }
}
