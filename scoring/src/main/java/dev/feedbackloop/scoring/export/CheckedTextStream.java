package dev.feedbackloop.scoring.export;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffering stream that lets through only text the readers can use ({@link TextCheck}): the bytes before the first
 * bad one are read normally, so that an earlier problem in the input is still reported first, and reading the bad
 * byte throws an {@link ExportFormatException} naming its physical line. Used in front of the JSON parser; the CSV
 * reader checks its own buffer. Not thread-safe.
 */
final class CheckedTextStream extends InputStream {

    private final InputStream in;
    private final String source;
    private final boolean gzipped;
    private final TextCheck check = new TextCheck();
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    /** The bytes before this index are checked and good. */
    private int checked;
    private int bad = -1;
    private boolean eof;
    /** The physical line of {@code buf[0]}, and where that line starts (negative when before the buffer). */
    private long line = 1;
    private int lineStart;

    CheckedTextStream(InputStream in, String source, boolean gzipped) {
        this.in = in;
        this.source = source;
        this.gzipped = gzipped;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == checked) {
            if (pos == bad) {
                throw problem();
            }
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(len, checked - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Moves the unread bytes to the front, reads more and checks them; false at the end of the input. */
    private boolean refill() throws IOException {
        if (eof) {
            return false;
        }
        for (int i = 0; i < pos; i++) {
            if (buf[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        lineStart -= pos;
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        checked -= pos;
        pos = 0;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        int first = check.firstBad(buf, checked, limit, eof);
        if (first >= 0) {
            bad = first;
            checked = first;
        } else {
            checked = check.resume();
        }
        return n >= 0 || checked > pos || bad >= 0;
    }

    private ExportFormatException problem() {
        long at = line;
        int start = Math.max(0, lineStart);
        for (int i = 0; i < bad; i++) {
            if (buf[i] == '\n') {
                at++;
                start = i + 1;
            }
        }
        return TextCheck.problem(source, at, null, buf, start, start, bad, limit, gzipped);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
