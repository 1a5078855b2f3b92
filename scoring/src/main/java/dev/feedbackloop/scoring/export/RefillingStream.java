package dev.feedbackloop.scoring.export;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that serves the bytes {@code buffer[pos, servable)} and asks its subclass for more when they run
 * out: the shape of the transcoding and checking streams in front of the readers. Not thread-safe.
 */
abstract class RefillingStream extends InputStream {

    byte[] buffer;
    int pos;
    int servable;

    RefillingStream(int bufferSize) {
        this.buffer = new byte[bufferSize];
    }

    /** Makes more bytes servable ({@code pos < servable}), or returns false at the end of the input. */
    abstract boolean refill() throws IOException;

    @Override
    public final int read() throws IOException {
        return readOne(this);
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == servable) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(len, servable - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    /** {@link InputStream#read()} through the array read of {@code in}. */
    static int readOne(InputStream in) throws IOException {
        byte[] one = new byte[1];
        return in.read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }
}
