package dev.feedbackloop.scoring.export;

import dev.feedbackloop.scoring.internal.Cells;
import dev.feedbackloop.scoring.internal.TimestampParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The byte-level RFC 4180 reader.
 *
 * <p>Design: the input is read into one large buffer; a record is scanned in place and only the byte ranges of the
 * selected cells are kept (start, end, whether quoting must be undone). Cells that are only counted are never
 * decoded: ratings are parsed from an ASCII view of the buffer, segment values go through a small byte-keyed cache,
 * and unselected columns are skipped. When a record runs past the end of the buffer, the buffer is compacted (and
 * grown if one record fills it), refilled, and the record is scanned again from its start, so a record is always
 * whole in the buffer while it is read. The physical line of each record start is counted across quoted line breaks.
 * Unquoted cells are scanned eight bytes at a time (a {@link VarHandle} view of the buffer as little-endian longs and
 * the has-less-than test for a byte below {@code '-'}, which covers a comma or tab delimiter and the line breaks; a
 * semicolon or bar delimiter is found with the has-zero test on the word xor the delimiter instead).
 *
 * <p>The delimiter is given, or detected from the header line: the most frequent of comma, semicolon, tab and bar
 * outside quotes, comma on a tie. Each buffer is checked as it is filled ({@link TextCheck}); the first record that
 * reaches bytes that are not UTF-8 ends the read with an error naming their line.
 */
final class CsvSource extends RowCursor implements RowSource {

    private static final int BUFFER_SIZE = 1 << 20;
    private static final int MAX_RECORD_BYTES = 8 << 20;
    private static final int NO_SLOT = -1;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    /** {@code '-'} in every byte: {@code , \t \n \r} are below it, digits, letters and {@code -:} not. */
    private static final long BELOW_DASH = ONES * '-';
    /** {@code \u000E} in every byte: only the line breaks among the delimiters are below it. */
    private static final long BELOW_SHIFT_OUT = ONES * 0x0E;
    /** The delimiters that {@link #detect} chooses from. */
    private static final byte[] CANDIDATES = {',', ';', '\t', '|'};

    private final InputStream in;
    private final NaMarkers na;
    private final boolean gzipped;
    private final TextCheck check = new TextCheck();
    /** The bytes of the buffer before this index are checked and good. */
    private int checked;
    /** The stream offset of the first bad byte, or Long.MAX_VALUE. */
    private long badAt = Long.MAX_VALUE;
    private byte delimiter;
    private long belowMask;
    private long delimiterMask;
    /** Whether there are no missing-value markers, so that only blank cells are blank. */
    private final boolean noMarkers;
    private final ByteChars view = new ByteChars();

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine = 1;
    /** The offset in the stream of {@code buf[0]}. */
    private long base;
    /** No record starting at or after this stream offset is read; see {@link #stopAt(long)}. */
    private long stopAt = Long.MAX_VALUE;
    private @Nullable AtomicBoolean cancelled;

    private final List<String> header;

    /** For each header field, its slot among the selected columns, or NO_SLOT. Null while reading the header. */
    private int @Nullable [] slotOfField;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] present = new boolean[16];
    private boolean[] quoted = new boolean[16];
    private ValueCache[] caches = new ValueCache[0];
    private ValueIds[] ids = new ValueIds[0];
    private int[] slotField = new int[0];
    private boolean duplicates;

    /**
     * A reader of a whole stream, header first.
     *
     * @param delimiter the delimiter, or 0 to detect it from the header line
     * @param gzipped whether the stream was gzip-compressed, for the advice in messages
     */
    CsvSource(InputStream in, String source, NaMarkers na, char delimiter, boolean gzipped, int bufferSize) {
        super(source);
        this.in = in;
        this.na = na;
        this.noMarkers = na.isEmpty();
        this.gzipped = gzipped;
        this.buf = new byte[Math.max(bufferSize, 16)];
        this.header = readHeader(delimiter);
    }

    CsvSource(InputStream in, String source, NaMarkers na, int bufferSize) {
        this(in, source, na, (char) 0, false, bufferSize);
    }

    CsvSource(InputStream in, String source, NaMarkers na, char delimiter, boolean gzipped) {
        this(in, source, na, delimiter, gzipped, BUFFER_SIZE);
    }

    /**
     * A reader of one part of a file that starts at a record boundary (or is assumed to): no header is read, lines
     * and rows count from the part's start, and reading stops when {@code cancelled} is set.
     */
    CsvSource(InputStream in, CsvSource whole, AtomicBoolean cancelled) {
        super(whole.source);
        this.in = in;
        this.na = whole.na;
        this.noMarkers = na.isEmpty();
        this.gzipped = whole.gzipped;
        this.buf = new byte[BUFFER_SIZE];
        this.header = whole.header;
        this.cancelled = cancelled;
        useDelimiter(whole.delimiter);
    }

    private List<String> readHeader(char given) {
        fill();
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        useDelimiter(given != 0 ? (byte) given : detect(pos));
        if (!next()) {
            throw new ExportFormatException(source, 0, null, null, "the file is empty, expected a CSV header row");
        }
        List<String> names = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            names.add(decode(i));
        }
        return List.copyOf(names);
    }

    /**
     * The most frequent of the candidate delimiters outside quotes on the line starting at {@code p}; a comma when
     * two or more are most frequent (or none occurs).
     */
    private byte detect(int p) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = p; i < limit; i++) {
            byte c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        boolean tie = false;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
                tie = false;
            } else if (counts[k] == counts[best]) {
                tie = true;
            }
        }
        return tie ? (byte) ',' : CANDIDATES[best];
    }

    /** For a header read as one column that holds another delimiter: a hint naming it; "" otherwise. */
    private String otherDelimiter() {
        if (header.size() != 1) {
            return "";
        }
        for (byte candidate : CANDIDATES) {
            if (candidate != delimiter && header.get(0).indexOf(candidate) >= 0) {
                return "; the header is read as one column, but it holds "
                        + (candidate == '\t' ? "tabs" : "'" + (char) candidate + "'") + ": is that the delimiter?";
            }
        }
        return "";
    }

    private void useDelimiter(byte d) {
        delimiter = d;
        boolean belowDash = d == ',' || d == '\t';
        belowMask = belowDash ? BELOW_DASH : BELOW_SHIFT_OUT;
        delimiterMask = belowDash ? 0 : ONES * d;
    }

    /** The delimiter in use, given or detected. */
    char delimiter() {
        return (char) delimiter;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long read(List<String> columns, Consumer<? super ExportRow> handler) {
        select(columns);
        return readRows(handler);
    }

    /** Chooses the columns that rows expose; before {@link #readRows}. */
    void select(List<String> columns) {
        int[] fieldSlots = new int[header.size()];
        Arrays.fill(fieldSlots, NO_SLOT);
        slotNames = columns.toArray(new String[0]);
        for (int slot = 0; slot < slotNames.length; slot++) {
            int field = header.indexOf(slotNames[slot]);
            if (field < 0) {
                throw new ExportFormatException(source, 1, slotNames[slot], null,
                        "no such column in the header" + ColumnNames.suggestion(slotNames[slot], header)
                                + ", expected one of " + ColumnNames.list(header) + otherDelimiter());
            }
            fieldSlots[field] = slot;
        }
        // A column selected twice reads from its field into every slot that names it.
        slotField = new int[slotNames.length];
        duplicates = false;
        for (int slot = 0; slot < slotNames.length; slot++) {
            slotField[slot] = header.indexOf(slotNames[slot]);
            duplicates |= fieldSlots[slotField[slot]] != slot;
        }
        slotOfField = fieldSlots;
        ensureSlots(slotNames.length);
        caches = new ValueCache[slotNames.length];
        ids = new ValueIds[slotNames.length];
        for (int i = 0; i < caches.length; i++) {
            caches[i] = new ValueCache();
            ids[i] = new ValueIds();
        }
    }

    /** Reads the records up to the stop offset or the end; returns the number of data rows read so far. */
    long readRows(Consumer<? super ExportRow> handler) {
        int[] fieldSlots = Objects.requireNonNull(slotOfField, "the header is read first");
        while (next()) {
            number++;
            for (int slot = 0; duplicates && slot < slotNames.length; slot++) {
                int owner = fieldSlots[slotField[slot]];
                if (owner != slot) {
                    starts[slot] = starts[owner];
                    ends[slot] = ends[owner];
                    present[slot] = present[owner];
                    quoted[slot] = quoted[owner];
                }
            }
            handler.accept(this);
        }
        return number;
    }

    /** Makes {@link #readRows} stop before the first record that starts at or after this stream offset. */
    void stopAt(long offset) {
        stopAt = offset;
    }

    /** The stream offset of the next unread byte at a record boundary: where reading stopped. */
    long position() {
        return base + pos;
    }

    /** The number of physical lines before {@link #position()}. */
    long linesBefore() {
        return nextLine - 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---- scanning

    /** Positions on the next record; false at the end of the input. Empty lines are skipped. */
    private boolean next() {
        while (true) {
            int p = pos;
            if (base + p >= stopAt) {
                return false;
            }
            if (p >= limit) {
                if (eof || !fillKeeping(p)) {
                    return false;
                }
                continue;
            }
            byte b = buf[p];
            if (b == '\n') {
                pos = p + 1;
                nextLine++;
                continue;
            }
            if (b == '\r') {
                if (p + 1 >= limit && !eof) {
                    fillKeeping(p);
                    continue;
                }
                pos = p + 1 < limit && buf[p + 1] == '\n' ? p + 2 : p + 1;
                nextLine++;
                continue;
            }
            int end = scanRecord(p);
            if (end >= 0) {
                if (base + end > badAt) {
                    throw badByte(p);
                }
                pos = end;
                return true;
            }
            if (limit - p >= MAX_RECORD_BYTES) {
                throw new ExportFormatException(source, nextLine, fieldName(fieldCount), null,
                        "a record is longer than " + (MAX_RECORD_BYTES >> 20)
                                + " MiB, expected a closing quote (\") for a quoted cell");
            }
            fillKeeping(p);
        }
    }

    /**
     * Scans the record starting at {@code p}; returns the position after its terminator, or -1 when the buffer ends
     * before the record does and more input may follow.
     */
    private int scanRecord(int p) {
        final byte[] b = buf;
        final int lim = limit;
        final byte d = delimiter;
        final long below = belowMask;
        final long equal = delimiterMask;
        int[] selection = slotOfField;
        int field = 0;
        long lines = 0;
        if (selection != null) {
            Arrays.fill(present, 0, slotNames.length, false);
        }
        while (true) {
            int cellStart;
            int cellEnd;
            boolean needsUnquote = false;
            if (p < lim && b[p] == '"') {
                int rawStart = p;
                p++;
                cellStart = p;
                while (true) {
                    if (p >= lim) {
                        if (!eof) {
                            return -1;
                        }
                        throw new ExportFormatException(source, nextLine, fieldName(field),
                                ExportFormatException.oneLine(new String(b, rawStart, Math.min(lim - rawStart, 40),
                                        StandardCharsets.UTF_8)),
                                "a quoted cell is not closed, expected a closing quote (\") before the end of the"
                                        + " file");
                    }
                    byte c = b[p];
                    if (c == '"') {
                        if (p + 1 >= lim && !eof) {
                            return -1;
                        }
                        if (p + 1 < lim && b[p + 1] == '"') {
                            needsUnquote = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        lines++;
                    } else if (c == '\r') {
                        if (p + 1 >= lim && !eof) {
                            return -1;
                        }
                        if (p + 1 >= lim || b[p + 1] != '\n') {
                            lines++;
                        }
                    }
                    p++;
                }
                cellEnd = p;
                p++;
                if (p < lim && b[p] != d && b[p] != '\n' && b[p] != '\r') {
                    // Text after the closing quote: kept as written, like most readers do.
                    needsUnquote = true;
                    while (p < lim && b[p] != d && b[p] != '\n' && b[p] != '\r') {
                        p++;
                    }
                }
                if (p >= lim && !eof) {
                    return -1;
                }
                if (needsUnquote) {
                    cellStart = rawStart;
                    cellEnd = p;
                }
            } else {
                cellStart = p;
                // Eight bytes at a time up to the first byte that may be a delimiter: below '-' (or below \u000E,
                // then also equal to the delimiter). Such a byte that is not one (a space, '+', '"' inside the cell)
                // is stepped over.
                while (p <= lim - 8) {
                    long w = (long) LONGS.get(b, p);
                    long hit = (w - below) & ~w & HIGHS;
                    if (equal != 0) {
                        long x = w ^ equal;
                        hit |= (x - ONES) & ~x & HIGHS;
                    }
                    if (hit == 0) {
                        p += 8;
                        continue;
                    }
                    p += Long.numberOfTrailingZeros(hit) >>> 3;
                    byte c = b[p];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                byte c;
                while (p < lim && (c = b[p]) != d && c != '\n' && c != '\r') {
                    p++;
                }
                if (p >= lim && !eof) {
                    return -1;
                }
                cellEnd = p;
            }
            int slot;
            if (selection == null) {
                ensureSlots(field + 1);
                slot = field;
            } else {
                slot = field < selection.length ? selection[field] : NO_SLOT;
            }
            if (slot != NO_SLOT) {
                starts[slot] = cellStart;
                ends[slot] = cellEnd;
                present[slot] = true;
                quoted[slot] = needsUnquote;
            }
            field++;
            if (p >= lim) {
                return finish(field, lines, p);
            }
            byte c = b[p];
            if (c == d) {
                p++;
                continue;
            }
            if (c == '\n') {
                return finish(field, lines + 1, p + 1);
            }
            if (p + 1 >= lim) {
                if (!eof) {
                    return -1;
                }
                return finish(field, lines + 1, p + 1);
            }
            return finish(field, lines + 1, b[p + 1] == '\n' ? p + 2 : p + 1);
        }
    }

    private int finish(int fields, long lines, int end) {
        fieldCount = fields;
        line = nextLine;
        nextLine += lines;
        return end;
    }

    private void ensureSlots(int n) {
        if (starts.length < n) {
            int size = Math.max(n, starts.length * 2);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            present = Arrays.copyOf(present, size);
            quoted = Arrays.copyOf(quoted, size);
        }
    }

    private void fill() {
        fillKeeping(0);
    }

    /** Keeps the bytes from {@code keep} on, moved to the start, and reads more; false if nothing more came. */
    private boolean fillKeeping(int keep) {
        AtomicBoolean stop = cancelled;
        if (stop != null && stop.get()) {
            throw new CancellationException(source + ": reading was cancelled");
        }
        int kept = limit - keep;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, kept);
        }
        base += keep;
        pos -= keep;
        limit = kept;
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        checked = Math.max(0, checked - keep);
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                checkText();
                return false;
            }
            limit += n;
            checkText();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Checks the bytes read since the last check, up to a multi-byte sequence cut by the end of the buffer. */
    private void checkText() {
        if (badAt != Long.MAX_VALUE) {
            return;
        }
        int bad = check.firstBad(buf, checked, limit, eof);
        if (bad >= 0) {
            badAt = base + bad;
        } else {
            checked = check.resume();
        }
    }

    /** The exception for the bad byte in the record starting at {@code start}, naming its physical line and column. */
    private ExportFormatException badByte(int start) {
        int bad = (int) (badAt - base);
        long at = line;
        int lineStart = start;
        int cellStart = start;
        int field = 0;
        boolean quotedCell = false;
        for (int i = start; i < bad; i++) {
            byte c = buf[i];
            if (c == '"') {
                quotedCell = !quotedCell;
            } else if (c == delimiter && !quotedCell) {
                field++;
                cellStart = i + 1;
            }
            if (c == '\n' || (c == '\r' && buf[i + 1] != '\n')) {
                at++;
                lineStart = i + 1;
            }
        }
        int cellEnd = bad;
        while (cellEnd < limit && buf[cellEnd] != delimiter) {
            cellEnd++;
        }
        String column = slotOfField == null ? null : fieldName(field);
        return TextCheck.problem(source, at, column, buf, lineStart, Math.max(cellStart, lineStart), bad, cellEnd,
                gzipped);
    }

    // ---- cells

    /** The header name of a field, or its 1-based position while the header is read or beyond the header. */
    @SuppressWarnings("ConstantConditions")
    private String fieldName(int field) {
        List<String> names = header;
        return names != null && field < names.size() ? names.get(field) : "#" + (field + 1);
    }

    /** Decodes a cell, undoing CSV quoting. */
    private String decode(int slot) {
        if (!present[slot]) {
            return "";
        }
        int s = starts[slot];
        int e = ends[slot];
        if (!quoted[slot]) {
            return new String(buf, s, e - s, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[e - s];
        int n = 0;
        int i = s;
        if (buf[i] == '"') {
            i++;
            while (i < e) {
                byte c = buf[i];
                if (c == '"') {
                    if (i + 1 < e && buf[i + 1] == '"') {
                        out[n++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                out[n++] = c;
                i++;
            }
        }
        while (i < e) {
            out[n++] = buf[i++];
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** The cell as characters: a view of the buffer when it is plain ASCII, a decoded String otherwise. */
    private CharSequence chars(int slot) {
        if (!present[slot]) {
            return "";
        }
        if (quoted[slot]) {
            return decode(slot);
        }
        int s = starts[slot];
        int e = ends[slot];
        for (int i = s; i < e; i++) {
            if (buf[i] < 0) {
                return new String(buf, s, e - s, StandardCharsets.UTF_8);
            }
        }
        return view.set(buf, s, e);
    }

    @Override
    public boolean ragged() {
        return fieldCount != header.size();
    }

    @Override
    public boolean isBlank(int column) {
        if (!present[column]) {
            return true;
        }
        if (!quoted[column] && noMarkers) {
            return spaces(starts[column], ends[column]);
        }
        return na.isBlank(chars(column));
    }

    private boolean spaces(int start, int end) {
        for (int i = start; i < end; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public int valueId(int column) {
        if (isBlank(column)) {
            return -1;
        }
        if (quoted[column]) {
            byte[] bytes = decode(column).getBytes(StandardCharsets.UTF_8);
            return ids[column].id(bytes, 0, bytes.length);
        }
        return ids[column].id(buf, starts[column], ends[column]);
    }

    @Override
    public long epochSecond(int column, ZoneId zone) {
        TimestampParser parser = timestamps(zone);
        if (!present[column]) {
            return NO_TIME;
        }
        if (!quoted[column] && noMarkers) {
            int s = starts[column];
            int e = ends[column];
            if (spaces(s, e)) {
                return NO_TIME;
            }
            long seconds = scan(column, parser, s, e);
            if (seconds != TimestampParser.NOT_SCANNED) {
                return seconds;
            }
        }
        Instant at = instant(column, zone);
        return at == null ? NO_TIME : at.getEpochSecond();
    }

    @Override
    public long epochMilli(int column, ZoneId zone) {
        TimestampParser parser = timestamps(zone);
        if (!present[column]) {
            return NO_TIME;
        }
        if (!quoted[column] && noMarkers) {
            int s = starts[column];
            int e = ends[column];
            long seconds = scan(column, parser, s, e);
            if (seconds != TimestampParser.NOT_SCANNED) {
                return seconds * 1000 + parser.scannedNanos() / 1_000_000;
            }
            if (spaces(s, e)) {
                return NO_TIME;
            }
        }
        Instant at = instant(column, zone);
        return at == null ? NO_TIME : at.toEpochMilli();
    }

    private long scan(int column, TimestampParser parser, int start, int end) {
        try {
            return parser.scan(buf, start, end);
        } catch (DateTimeException e) {
            throw notATimestamp(column);
        }
    }

    @Override
    public String text(int column) {
        return decode(column);
    }

    @Override
    public @Nullable String value(int column) {
        if (isBlank(column)) {
            return null;
        }
        if (quoted[column]) {
            return decode(column);
        }
        return caches[column].decode(buf, starts[column], ends[column]);
    }

    @Override
    public int integer(int column) {
        if (!present[column]) {
            return Cells.BLANK;
        }
        if (!quoted[column] && noMarkers) {
            return Cells.parseInteger(buf, starts[column], ends[column]);
        }
        CharSequence cell = chars(column);
        if (!na.isEmpty() && na.isBlank(cell)) {
            return Cells.BLANK;
        }
        return Cells.parseInteger(cell);
    }

    @Override
    public @Nullable Instant instant(int column, ZoneId zone) {
        TimestampParser parser = timestamps(zone);
        if (present[column] && !quoted[column] && noMarkers) {
            int s = starts[column];
            int e = ends[column];
            if (spaces(s, e)) {
                return null;
            }
            long seconds = scan(column, parser, s, e);
            if (seconds != TimestampParser.NOT_SCANNED) {
                return Instant.ofEpochSecond(seconds, parser.scannedNanos());
            }
        }
        CharSequence cell = chars(column);
        if (na.isBlank(cell)) {
            return null;
        }
        try {
            return parser.parse(cell);
        } catch (DateTimeException e) {
            throw notATimestamp(column);
        }
    }
}
