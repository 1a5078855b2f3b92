package dev.feedbackloop.scoring.export;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffering stream that lets through only well-formed UTF-8 ({@link TextCheck}): the bytes before the first bad
 * one are read normally, so that an earlier problem in the input is still reported first, and reading the bad
 * byte throws an {@link ExportFormatException} naming its physical line. Used in front of the JSON parser; the CSV
 * reader checks its own buffer. Not thread-safe.
 */
final class CheckedTextStream extends RefillingStream {

    private final InputStream in;
    private final String source;
    private final boolean gzipped;
    private final TextCheck check = new TextCheck();
    /** The end of the bytes read; those before {@code servable} are checked and good. */
    private int limit;
    private int bad = -1;
    private boolean eof;
    /** The physical line of {@code buffer[0]}, and where that line starts (negative when before the buffer). */
    private long line = 1;
    private int lineStart;

    CheckedTextStream(InputStream in, String source, boolean gzipped) {
        super(1 << 16);
        this.in = in;
        this.source = source;
        this.gzipped = gzipped;
    }

    /** Moves the unread bytes to the front, reads more and checks them; false at the end of the input. */
    @Override
    boolean refill() throws IOException {
        if (pos == bad) {
            throw problem();
        }
        if (eof) {
            return false;
        }
        for (int i = 0; i < pos; i++) {
            if (buffer[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        lineStart -= pos;
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        limit -= pos;
        servable -= pos;
        if (bad >= 0) {
            bad -= pos;
        }
        pos = 0;
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        int first = check.firstBad(buffer, servable, limit, eof);
        if (first >= 0) {
            bad = first;
            servable = first;
        } else {
            servable = check.resume();
        }
        return n >= 0 || servable > pos || bad >= 0;
    }

    private ExportFormatException problem() {
        long at = line;
        int start = Math.max(0, lineStart);
        for (int i = 0; i < bad; i++) {
            if (buffer[i] == '\n') {
                at++;
                start = i + 1;
            }
        }
        return TextCheck.problem(source, at, null, buffer, start, start, bad, limit, gzipped);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
