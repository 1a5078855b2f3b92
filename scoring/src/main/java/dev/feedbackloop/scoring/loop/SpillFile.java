package dev.feedbackloop.scoring.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorted runs of {@code (value, count)} pairs in a temporary file, for {@link BoundedCounts} when its memory budget is
 * spent: each run is written once, in ascending value order, and read back by {@link PairCursor}s at positional
 * offsets, so that any number of cursors may read at once.
 *
 * <p>Design: one file per owner, opened with {@link StandardOpenOption#DELETE_ON_CLOSE} (on Unix the JDK unlinks it at
 * once, so nothing is left behind even if the process dies); {@link #close()} closes and so deletes it, and a
 * {@link Cleaner} does the same if the owner is dropped without closing. When the runs become
 * many, {@link BoundedCounts} merges them into one run of a new file and closes this one. Not thread-safe.
 */
final class SpillFile implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final int PAIR_BYTES = 16;
    private static final int BUFFER_BYTES = 64 << 10;

    /** Closes the channel; held by the cleaner, so it must not refer to the {@link SpillFile}. */
    private static final class Closer implements Runnable {
        private final FileChannel channel;

        Closer(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing to do: the file is temporary and the JVM or the OS removes it.
            }
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final Cleaner.Cleanable cleanable;
    private final List<long[]> runs = new ArrayList<>();
    private long size;

    SpillFile() {
        try {
            path = Files.createTempFile("feedbackloop-counts-", ".bin");
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for counts beyond the memory budget: "
                    + e.getMessage(), e);
        }
        cleanable = CLEANER.register(this, new Closer(channel));
    }

    /** Where the file is (for tests). */
    Path path() {
        return path;
    }

    /** The number of runs written. */
    int runs() {
        return runs.size();
    }

    /** Writes a run of the pairs of {@code cursor}, which must come in ascending value order. */
    void write(PairCursor cursor) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        long start = size;
        long pairs = 0;
        long previous = Long.MIN_VALUE;
        while (cursor.next()) {
            if (pairs > 0 && cursor.value() <= previous) {
                throw new AssertionError("run not ascending: " + cursor.value() + " after " + previous);
            }
            previous = cursor.value();
            if (!buffer.hasRemaining()) {
                flush(buffer);
            }
            buffer.putLong(cursor.value()).putLong(cursor.count());
            pairs++;
        }
        flush(buffer);
        runs.add(new long[] {start, pairs});
    }

    private void flush(ByteBuffer buffer) {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                size += channel.write(buffer, size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file of counts: " + e.getMessage(), e);
        }
        buffer.clear();
    }

    /** A cursor over one run. */
    PairCursor run(int index) {
        long[] run = runs.get(index);
        return new RunCursor(run[0], run[1]);
    }

    /** Closes and deletes the file. */
    @Override
    public void close() {
        cleanable.clean();
    }

    private final class RunCursor implements PairCursor {
        private final ByteBuffer buffer = ByteBuffer.allocate(8 << 10);
        private long position;
        private long left;
        private long value;
        private long count;

        RunCursor(long start, long pairs) {
            this.position = start;
            this.left = pairs;
            buffer.flip();
        }

        @Override
        public boolean next() {
            if (left == 0) {
                return false;
            }
            if (buffer.remaining() < PAIR_BYTES) {
                buffer.clear();
                long want = Math.min(buffer.capacity(), left * PAIR_BYTES);
                buffer.limit((int) want);
                try {
                    while (buffer.hasRemaining()) {
                        int n = channel.read(buffer, position);
                        if (n < 0) {
                            throw new IOException("unexpected end of the temporary file at " + position);
                        }
                        position += n;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read a temporary file of counts: " + e.getMessage(), e);
                }
                buffer.flip();
            }
            value = buffer.getLong();
            count = buffer.getLong();
            left--;
            return true;
        }

        @Override
        public long value() {
            return value;
        }

        @Override
        public long count() {
            return count;
        }
    }
}
