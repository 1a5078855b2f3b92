package dev.feedbackloop.scoring.export;

import java.util.Objects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One parallel {@link ExportReader#collect} of a CSV file.
 *
 * <p>Design: the records after the header are cut into parts at the first line break after even split points. The
 * calling thread reads the first part with the reader's own source (which already holds the header and the first
 * buffer); each other part is read on its own thread by a source over its own file channel that stops before the
 * first record starting at or after the next part's start. Parts are then taken in file order, tracking the true
 * position, line and row count: a part whose start equals the true position (the part before ended exactly there) is
 * merged; otherwise its start was inside a quoted cell, so it is discarded and its range read again from the true
 * position on the calling thread. Failures are kept per part and thrown only when every part before them was good.
 */
final class PartedRead<A> {

    private final Path file;
    private final CsvSource first;
    private final String source;
    private final List<String> columns;
    private final Supplier<A> supplier;
    private final BiConsumer<A, ExportRow> accumulator;
    private final PartMerger<A> merger;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    PartedRead(Path file, CsvSource first, String source, List<String> columns, Supplier<A> supplier,
            BiConsumer<A, ExportRow> accumulator, PartMerger<A> merger) {
        this.file = file;
        this.first = first;
        this.source = source;
        this.columns = columns;
        this.supplier = supplier;
        this.accumulator = accumulator;
        this.merger = merger;
    }

    /** What one part produced, relative to its start. */
    private final class Part implements Runnable {
        final long start;
        final long end;
        @Nullable A container;
        long endPosition;
        long lines;
        long rows;
        @Nullable Throwable failure;

        Part(long start, long end) {
            this.start = start;
            this.end = end;
        }

        @Override
        public void run() {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.position(start);
                InputStream in = Channels.newInputStream(channel);
                CsvSource part = new CsvSource(in, first, cancelled);
                part.select(columns);
                part.stopAt(end - start);
                A c = supplier.get();
                rows = part.readRows(row -> accumulator.accept(c, row));
                container = c;
                endPosition = start + part.position();
                lines = part.linesBefore();
            } catch (IOException e) {
                failure = new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }

    A run(int parallelism, long minPartBytes, int searchBytes) {
        first.select(columns);
        long headerEnd = first.position();
        long size;
        List<Long> starts = new ArrayList<>();
        starts.add(headerEnd);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            int parts = (int) Math.min(parallelism, Math.max(1, (size - headerEnd) / minPartBytes));
            for (int k = 1; k < parts; k++) {
                long start = lineStartAfter(channel, headerEnd + (size - headerEnd) * k / parts, searchBytes);
                if (start > starts.get(starts.size() - 1) && start < size) {
                    starts.add(start);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
        }
        List<Part> parts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 1; k < starts.size(); k++) {
            Part part = new Part(starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : Long.MAX_VALUE);
            Thread thread = new Thread(part, "feedbackloop-export-part-" + k);
            thread.setDaemon(true);
            parts.add(part);
            threads.add(thread);
            thread.start();
        }
        try {
            A result = supplier.get();
            A firstContainer = result;
            first.stopAt(starts.size() > 1 ? starts.get(1) : Long.MAX_VALUE);
            long rows = first.readRows(row -> accumulator.accept(firstContainer, row));
            long position = first.position();
            long lines = first.linesBefore();
            for (int k = 0; k < parts.size(); k++) {
                Part part = parts.get(k);
                join(threads.get(k));
                if (part.start != position) {
                    // The guessed start was inside a quoted cell: read the range again from the true boundary.
                    part = new Part(position, part.end);
                    part.run();
                }
                if (part.failure != null) {
                    throw shifted(part.failure, lines);
                }
                // a part that did not fail holds its container
                A container = Objects.requireNonNull(part.container, "container");
                result = merger.merge(result, container, lines, rows);
                position = part.endPosition;
                lines += part.lines;
                rows += part.rows;
            }
            return result;
        } finally {
            cancelled.set(true);
            for (Thread thread : threads) {
                join(thread);
            }
        }
    }

    /** The position after the first line break at or after {@code from}, or the file size when there is none. */
    private static long lineStartAfter(FileChannel channel, long from, int searchBytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long at = from;
        while (at - from < searchBytes) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n <= 0) {
                return channel.size();
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return channel.size();
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failure to throw for a part after {@code linesBefore} lines: format errors get file-wide line numbers. */
    private static RuntimeException shifted(Throwable failure, long linesBefore) {
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure instanceof ExportFormatException) {
            ExportFormatException e = (ExportFormatException) failure;
            if (e.line() > 0 && linesBefore > 0) {
                ExportFormatException moved = new ExportFormatException(
                        e.source(), e.line() + linesBefore, e.column(), e.value(), e.problem());
                moved.setStackTrace(e.getStackTrace());
                return moved;
            }
            return e;
        }
        if (failure instanceof CancellationException) {
            return (CancellationException) failure;
        }
        return (RuntimeException) failure;
    }
}
