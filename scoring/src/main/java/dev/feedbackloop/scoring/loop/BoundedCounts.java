package dev.feedbackloop.scoring.loop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An exact multiset of {@code long} values (milliseconds) in memory bounded by a budget, whatever the number of values
 * added: the counts are exact, the values come back in ascending order, and nothing is approximated.
 *
 * <p>Design: three places hold counts, and a value may have counts in several of them (a cursor adds them up).
 * <ul>
 *   <li>Dense blocks: whole seconds (values divisible by 1000) in blocks of {@value #BLOCK} consecutive seconds, one
 *       four-bit counter each (two a byte), so that adding is an array increment and the blocks are small enough to
 *       stay in the processor's caches (a day of seconds is 43 KB); a counter that passes 15 carries into an
 *       {@code int} array of high parts that the block gets on its first carry (a count is {@code high × 16 + low}).
 *       A block is allocated only when the sparse map holds at least {@value #PROMOTE} distinct values of its range,
 *       so that it never costs more than the sparse entries it replaces (512 bytes against 0.5–0.7 KiB), and many
 *       small tallies stay small.</li>
 *   <li>The sparse map ({@link LongCounts}): everything else, and whole seconds of blocks not (yet) allocated.</li>
 *   <li>Sorted runs in a temporary file ({@link SpillFile}): when the sparse map would grow and the memory in use
 *       would exceed the budget, the blocks and the map are written out as one sorted run and cleared. When there
 *       are more than {@value #MAX_RUNS} runs they are merged into one. A cursor k-way merges the runs with what is
 *       in memory.</li>
 * </ul>
 * The memory in use is checked whenever it could grow (when the sparse map reaches its load limit), so it stays below
 * about the budget plus the transient copy of a rehash. Not thread-safe.
 */
final class BoundedCounts implements AutoCloseable {

    /** The default memory budget of one multiset, in bytes. */
    static final long DEFAULT_BUDGET = 4L << 20;

    private static final int BLOCK_BITS = 10;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int BLOCK_MASK = BLOCK - 1;
    private static final long BLOCK_BYTES = BLOCK / 2 + 16;
    private static final long HIGH_BYTES = BLOCK * 4L + 16;
    private static final int PROMOTE = 16;
    private static final int LOW_BITS = 4;
    private static final int CELL_LIMIT = (1 << LOW_BITS) - 1;
    private static final int MAX_DIRECTORY = 1 << 16;
    private static final int MAX_RUNS = 16;
    private static final int FIRST_CHECK = 1024;

    private final long budget;
    /** Dense blocks by block number minus {@link #firstBlock}; null where not allocated. */
    private byte[] @Nullable [] blocks = new byte[0][];
    /** The high parts of the counters of {@link #blocks}, same indexes; null until a counter of the block carries. */
    private int[] @Nullable [] highs = new int[0][];
    private int highBlocks;
    private long firstBlock;
    private int denseBlocks;
    private LongCounts sparse = new LongCounts();
    /** When the sparse map reaches this many distinct values, {@link #reorganise()} runs. */
    private int checkAt;
    private final int firstCheck;
    private @Nullable SpillFile spill;
    private long total;

    BoundedCounts(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget: " + budget + " is negative, expected a number of bytes");
        }
        this.budget = budget;
        this.firstCheck = (int) Math.max(8, Math.min(FIRST_CHECK, budget / 64));
        this.checkAt = firstCheck;
    }

    BoundedCounts() {
        this(DEFAULT_BUDGET);
    }

    /** Adds one occurrence of a value. */
    void add(long value) {
        long seconds = value / 1000;
        if (seconds * 1000 == value) {
            long index = (seconds >> BLOCK_BITS) - firstBlock;
            byte[][] dir = blocks;
            if (index >= 0 && index < dir.length) {
                byte[] block = dir[(int) index];
                if (block != null) {
                    int cell = (int) seconds & BLOCK_MASK;
                    int at = cell >>> 1;
                    int shift = (cell & 1) << 2;
                    int pair = block[at];
                    if ((pair >>> shift & CELL_LIMIT) != CELL_LIMIT) {
                        block[at] = (byte) (pair + (1 << shift));
                        total++;
                        return;
                    }
                    block[at] = (byte) (pair & ~(CELL_LIMIT << shift));
                    carry((int) index, cell, value);
                    return;
                }
            }
        }
        addSparse(value, 1);
    }

    /** Adds 16 to the high part of a counter whose low four bits just wrapped to zero. */
    private void carry(int index, int cell, long value) {
        int[] high = highs[index];
        if (high == null) {
            if (memoryBytes() + HIGH_BYTES > budget) {
                total -= CELL_LIMIT;
                addSparse(value, CELL_LIMIT + 1);
                return;
            }
            high = new int[BLOCK];
            highs[index] = high;
            highBlocks++;
        }
        if (high[cell] < Integer.MAX_VALUE) {
            high[cell]++;
            total++;
        } else {
            total -= CELL_LIMIT;
            addSparse(value, CELL_LIMIT + 1);
        }
    }

    /** Adds {@code count} occurrences of a value; {@code count} is positive. */
    void add(long value, long count) {
        if (count == 1) {
            add(value);
            return;
        }
        long seconds = value / 1000;
        if (seconds * 1000 == value) {
            byte[] block = block(seconds >> BLOCK_BITS);
            if (block != null) {
                int cell = (int) seconds & BLOCK_MASK;
                long c = low(block, cell) + count;
                if (c <= CELL_LIMIT) {
                    setLow(block, cell, (int) c);
                    total += count;
                    return;
                }
            }
        }
        addSparse(value, count);
    }

    private void addSparse(long value, long count) {
        if (value == Long.MIN_VALUE) {
            throw new IllegalArgumentException("value: " + value + " is reserved, expected a larger value");
        }
        total += count;
        sparse.add(value, count);
        if (sparse.distinct() >= checkAt) {
            reorganise();
        }
    }

    /** Adds every value of another multiset; the other is unchanged. */
    void addAll(BoundedCounts other) {
        try (Cursor cursor = other.cursor()) {
            while (cursor.next()) {
                add(cursor.value(), cursor.count());
            }
        }
    }

    /** The number of values added, counting multiplicity. */
    long total() {
        return total;
    }

    /** The number of sorted runs written to the temporary file (for tests). */
    int runs() {
        SpillFile file = spill;
        return file == null ? 0 : file.runs();
    }

    /** The temporary file, if there is one (for tests). */
    @Nullable Path spillPath() {
        SpillFile file = spill;
        return file == null ? null : file.path();
    }

    /** The bytes of memory in use, estimated from the array sizes. */
    long memoryBytes() {
        return sparse.bytes() + denseBlocks * BLOCK_BYTES + highBlocks * HIGH_BYTES + blocks.length * 16L;
    }

    /**
     * Removes every value below {@code bound} from memory (not from the runs in the temporary file) and returns how
     * many were removed, counting multiplicity.
     */
    long removeBelowInMemory(long bound) {
        long removed = sparse.removeBelow(bound);
        for (int i = 0; i < blocks.length; i++) {
            byte[] block = blocks[i];
            if (block == null) {
                continue;
            }
            int[] high = highs[i];
            long from = (firstBlock + i) << BLOCK_BITS;
            for (int cell = 0; cell < BLOCK && (from + cell) * 1000 < bound; cell++) {
                removed += low(block, cell);
                setLow(block, cell, 0);
                if (high != null) {
                    removed += (long) high[cell] << LOW_BITS;
                    high[cell] = 0;
                }
            }
            if ((from + BLOCK - 1) * 1000 < bound) {
                blocks[i] = null;
                denseBlocks--;
                if (high != null) {
                    highs[i] = null;
                    highBlocks--;
                }
            }
        }
        if (denseBlocks == 0) {
            clearDense();
        }
        total -= removed;
        return removed;
    }

    /** The values in ascending order with their total counts; close it to release its files' buffers. */
    Cursor cursor() {
        List<PairCursor> sources = new ArrayList<>();
        sources.add(new SortedArrayCursor(sparse.sortedPairs()));
        sources.add(new DenseCursor(blocks, highs, firstBlock));
        SpillFile file = spill;
        if (file != null) {
            for (int i = 0; i < file.runs(); i++) {
                sources.add(file.run(i));
            }
        }
        return new Cursor(sources);
    }

    /** Deletes the temporary file, if any, and empties the multiset. */
    @Override
    public void close() {
        SpillFile file = spill;
        spill = null;
        if (file != null) {
            file.close();
        }
        clearDense();
        sparse = new LongCounts();
        checkAt = firstCheck;
        total = 0;
    }

    /** The four-bit counter of a cell. */
    private static int low(byte[] block, int cell) {
        return block[cell >>> 1] >>> ((cell & 1) << 2) & CELL_LIMIT;
    }

    private static void setLow(byte[] block, int cell, int count) {
        int shift = (cell & 1) << 2;
        block[cell >>> 1] = (byte) (block[cell >>> 1] & ~(CELL_LIMIT << shift) | count << shift);
    }

    private void clearDense() {
        blocks = new byte[0][];
        highs = new int[0][];
        denseBlocks = 0;
        highBlocks = 0;
        firstBlock = 0;
    }

    private byte @Nullable [] block(long number) {
        long index = number - firstBlock;
        return index >= 0 && index < blocks.length ? blocks[(int) index] : null;
    }

    /**
     * Runs when the sparse map is about to grow: moves dense ranges into blocks, then, if growing the map would pass
     * the budget, spills everything in memory to a sorted run.
     */
    private void reorganise() {
        promote();
        boolean full = sparse.distinct() >= sparse.capacity() / 2;
        if (memoryBytes() > budget || full && memoryBytes() + sparse.bytes() > budget) {
            spillMemory();
            full = false;
        }
        // Check again when the map next reaches its load limit.
        checkAt = Math.max(firstCheck, full ? sparse.capacity() : sparse.capacity() / 2);
    }

    /** Allocates a block for every range of whole seconds with at least {@value #PROMOTE} distinct sparse values. */
    private void promote() {
        LongCounts perBlock = new LongCounts();
        sparse.forEach((value, count) -> {
            long seconds = value / 1000;
            if (seconds * 1000 == value && count <= CELL_LIMIT && block(seconds >> BLOCK_BITS) == null) {
                perBlock.add(seconds >> BLOCK_BITS, 1);
            }
        });
        long[] candidates = perBlock.sortedPairs();
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        int chosen = 0;
        for (int i = 0; i < candidates.length; i += 2) {
            if (candidates[i + 1] >= PROMOTE) {
                lowest = Math.min(lowest, candidates[i]);
                highest = Math.max(highest, candidates[i]);
                chosen++;
            }
        }
        if (chosen == 0 || memoryBytes() + chosen * BLOCK_BYTES > budget || !directoryCovers(lowest, highest)) {
            return;
        }
        for (int i = 0; i < candidates.length; i += 2) {
            if (candidates[i + 1] >= PROMOTE) {
                blocks[(int) (candidates[i] - firstBlock)] = new byte[BLOCK / 2];
                denseBlocks++;
            }
        }
        LongCounts rest = new LongCounts();
        sparse.forEach((value, count) -> {
            long seconds = value / 1000;
            byte[] block = seconds * 1000 == value && count <= CELL_LIMIT ? block(seconds >> BLOCK_BITS) : null;
            int cell = (int) seconds & BLOCK_MASK;
            if (block != null && low(block, cell) + count <= CELL_LIMIT) {
                setLow(block, cell, low(block, cell) + (int) count);
            } else {
                rest.add(value, count);
            }
        });
        sparse = rest;
    }

    /** Makes the directory cover blocks {@code lowest..highest}; false if it would be too large. */
    private boolean directoryCovers(long lowest, long highest) {
        long from = lowest;
        long to = highest;
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] != null) {
                from = Math.min(from, firstBlock + i);
                to = Math.max(to, firstBlock + i);
            }
        }
        if (to - from + 1 > MAX_DIRECTORY) {
            return false;
        }
        if (from == firstBlock && to - from + 1 == blocks.length) {
            return true;
        }
        byte[][] directory = new byte[(int) (to - from + 1)][];
        int[][] highDirectory = new int[directory.length][];
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] != null) {
                directory[(int) (firstBlock + i - from)] = blocks[i];
                highDirectory[(int) (firstBlock + i - from)] = highs[i];
            }
        }
        blocks = directory;
        highs = highDirectory;
        firstBlock = from;
        return true;
    }

    private void spillMemory() {
        SpillFile file = spill;
        if (file == null) {
            file = new SpillFile();
            spill = file;
        }
        PairCursor memory = new Cursor(List.of(new SortedArrayCursor(sparse.sortedPairs()),
                new DenseCursor(blocks, highs, firstBlock)));
        file.write(memory);
        clearDense();
        sparse = new LongCounts();
        if (file.runs() > MAX_RUNS) {
            SpillFile merged = new SpillFile();
            List<PairCursor> runs = new ArrayList<>();
            for (int i = 0; i < file.runs(); i++) {
                runs.add(file.run(i));
            }
            merged.write(new Cursor(runs));
            file.close();
            spill = merged;
        }
    }

    /** A k-way merge of ascending cursors that adds up the counts of equal values. */
    static final class Cursor implements PairCursor, AutoCloseable {
        private final PairCursor[] sources;
        private final boolean[] live;
        private long value;
        private long count;

        Cursor(List<PairCursor> sources) {
            this.sources = sources.toArray(new PairCursor[0]);
            this.live = new boolean[this.sources.length];
            for (int i = 0; i < live.length; i++) {
                live[i] = this.sources[i].next();
            }
        }

        @Override
        public boolean next() {
            long min = Long.MAX_VALUE;
            boolean any = false;
            for (int i = 0; i < sources.length; i++) {
                if (live[i] && (!any || sources[i].value() < min)) {
                    min = sources[i].value();
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            long sum = 0;
            for (int i = 0; i < sources.length; i++) {
                if (live[i] && sources[i].value() == min) {
                    sum += sources[i].count();
                    live[i] = sources[i].next();
                }
            }
            value = min;
            count = sum;
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

        @Override
        public void close() {
            Arrays.fill(live, false);
        }
    }

    /** The pairs of {@link LongCounts#sortedPairs()}. */
    private static final class SortedArrayCursor implements PairCursor {
        private final long[] pairs;
        private int at = -2;

        SortedArrayCursor(long[] pairs) {
            this.pairs = pairs;
        }

        @Override
        public boolean next() {
            at += 2;
            return at < pairs.length;
        }

        @Override
        public long value() {
            return pairs[at];
        }

        @Override
        public long count() {
            return pairs[at + 1];
        }
    }

    /** The non-zero cells of the dense blocks, as millisecond values. */
    private static final class DenseCursor implements PairCursor {
        private final byte[] @Nullable [] blocks;
        private final int[] @Nullable [] highs;
        private final long firstBlock;
        private int block;
        private int cell = -1;

        DenseCursor(byte[] @Nullable [] blocks, int[] @Nullable [] highs, long firstBlock) {
            this.blocks = blocks;
            this.highs = highs;
            this.firstBlock = firstBlock;
        }

        @Override
        public boolean next() {
            while (block < blocks.length) {
                byte[] counts = blocks[block];
                if (counts != null) {
                    int[] high = highs[block];
                    while (++cell < BLOCK) {
                        if (low(counts, cell) != 0 || high != null && high[cell] != 0) {
                            return true;
                        }
                    }
                }
                block++;
                cell = -1;
            }
            return false;
        }

        @Override
        public long value() {
            return (((firstBlock + block) << BLOCK_BITS) + cell) * 1000;
        }

        @Override
        public long count() {
            byte[] counts = blocks[block];
            int[] high = highs[block];
            return (counts == null ? 0 : low(counts, cell)) + (high == null ? 0 : (long) high[cell] << LOW_BITS);
        }
    }
}
