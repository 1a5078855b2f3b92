package dev.feedbackloop.scoring.export;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Checks that the bytes of an export are well-formed UTF-8, exactly as the JDK's decoder accepts it when set to report
 * errors (no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequences).
 *
 * <p>Design note: the check runs once over each buffer of input, beside the record scanner, so it must cost little:
 * ASCII is skipped 32 bytes at a time (four words or-ed together, one test of their high bits), and only from the
 * first non-ASCII byte on does the JDK decoder run (its own ASCII path is fast too), into a small reused buffer. Input arrives in pieces: a
 * multi-byte sequence cut by the end of the bytes read so far is left for the next call ({@link #resume()}).
 *
 * <p>Not thread-safe: one per reader.
 */
final class TextCheck {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer scratch = CharBuffer.allocate(8192);
    private byte @Nullable [] wrappedArray;
    private @Nullable ByteBuffer wrapped;
    private int resume;

    /**
     * Checks {@code b[from, to)}.
     *
     * @param end whether {@code to} is the end of the input (then a cut sequence is an error)
     * @return the index of the first byte of the first malformed sequence, or -1 when there is none; after -1,
     *     {@link #resume()} is where the next check starts
     */
    int firstBad(byte[] b, int from, int to, boolean end) {
        int i = from;
        while (i <= to - 32) {
            long w = (long) LONGS.get(b, i) | (long) LONGS.get(b, i + 8) | (long) LONGS.get(b, i + 16)
                    | (long) LONGS.get(b, i + 24);
            if ((w & HIGHS) != 0) {
                break;
            }
            i += 32;
        }
        while (i <= to - 8 && ((long) LONGS.get(b, i) & HIGHS) == 0) {
            i += 8;
        }
        while (i < to && b[i] >= 0) {
            i++;
        }
        resume = to;
        return i < to ? decode(b, i, to, end) : -1;
    }

    /** Where the next check starts: after the last byte checked, or at a multi-byte sequence cut by the end. */
    int resume() {
        return resume;
    }

    /** Decodes {@code b[from, to)} as UTF-8; returns the index of the first malformed byte, or -1. */
    private int decode(byte[] b, int from, int to, boolean end) {
        ByteBuffer in = wrapped;
        if (wrappedArray != b || in == null) {
            in = ByteBuffer.wrap(b);
            wrapped = in;
            wrappedArray = b;
        }
        in.limit(to).position(from);
        decoder.reset();
        while (true) {
            scratch.clear();
            CoderResult result = decoder.decode(in, scratch, end);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                resume = in.position();
                return -1;
            }
        }
    }

    /**
     * The exception for bytes that are not UTF-8, with a hint to convert the file.
     *
     * @param source the source name
     * @param line the physical line of the bad byte
     * @param column the column name, or {@code null} when unknown
     * @param b the bytes around the bad one
     * @param lineStart where the bad byte's line starts in {@code b}
     * @param valueStart where the quoted value starts: the cell, or the line
     * @param bad the index of the bad byte
     * @param valueEnd where the quoted value ends at the latest: the end of the cell or of the bytes available
     * @param gzipped whether the file is gzip-compressed, for the conversion hint
     */
    static ExportFormatException problem(String source, long line, @Nullable String column, byte[] b, int lineStart,
            int valueStart, int bad, int valueEnd, boolean gzipped) {
        int from = Math.max(valueStart, bad - 30);
        int to = bad;
        while (to < valueEnd && to - bad < 30 && b[to] != '\n' && b[to] != '\r') {
            to++;
        }
        String value = (from > valueStart ? "..." : "") + escape(b, from, to);
        long at = bad - lineStart + 1;
        return new ExportFormatException(source, line, column, value, "holds bytes that are not UTF-8 ("
                + String.format("\\x%02X", b[bad] & 0xFF) + " at byte " + at + " of the line): the file is in another"
                + " encoding, probably Windows-1252 or ISO-8859-1; convert it to UTF-8 first, e.g. "
                + convertHint(source, gzipped));
    }

    private static String convertHint(String source, boolean gzipped) {
        if ("-".equals(source)) {
            return "pipe it through iconv -f WINDOWS-1252 -t UTF-8";
        }
        String name = gzipped && source.endsWith(".gz") ? source.substring(0, source.length() - 3) : source;
        int dot = name.lastIndexOf('.');
        String converted = dot > name.lastIndexOf('/') + 1 ? name.substring(0, dot) + ".utf8" + name.substring(dot)
                : name + ".utf8";
        String input = gzipped ? "gunzip -c " + quote(source) + " | iconv -f WINDOWS-1252 -t UTF-8"
                : "iconv -f WINDOWS-1252 -t UTF-8 " + quote(source);
        return input + " > " + quote(converted);
    }

    /** Quotes a file name for a POSIX shell when it holds anything but the usual name characters. */
    private static String quote(String name) {
        if (name.matches("[A-Za-z0-9_./+:=@%-]+")) {
            return name;
        }
        return "'" + name.replace("'", "'\\''") + "'";
    }

    /** The bytes as text: well-formed UTF-8 decoded, every other byte as {@code \xNN}. */
    static String escape(byte[] b, int from, int to) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
        CharBuffer out = CharBuffer.allocate((to - from) * 4 + 4);
        while (true) {
            CoderResult result = strict.decode(in, out, true);
            if (!result.isError()) {
                break;
            }
            for (int k = 0; k < result.length(); k++) {
                out.put(String.format("\\x%02X", in.get() & 0xFF));
            }
        }
        return out.flip().toString();
    }
}
