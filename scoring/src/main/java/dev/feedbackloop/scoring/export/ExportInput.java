package dev.feedbackloop.scoring.export;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * What the bytes of an export are before any reader sees them: gzip-compressed (then decompressed on the fly), another
 * compressed or binary format (refused, saying which), UTF-16 with a byte-order mark (then transcoded to UTF-8; without
 * one it is refused), or plain UTF-8 text. The first bytes decide, whatever the file is called.
 *
 * <p>Immutable; the stream it holds is the caller's to read and close.
 *
 * @param stream the bytes as UTF-8 (after any decompression and transcoding), starting with whatever the file starts
 *     with (a UTF-8 byte-order mark is left for the reader)
 * @param raw whether {@code stream} holds the file's own bytes, so that byte offsets in it are offsets in the file
 * @param gzipped whether the file is gzip-compressed
 */
record ExportInput(InputStream stream, boolean raw, boolean gzipped) {

    private static final int SNIFF_BYTES = 8;

    /**
     * Looks at the first bytes of {@code in} and returns the stream to read.
     *
     * @throws ExportFormatException if the bytes are a compressed or binary format that is not read, or UTF-32
     * @throws UncheckedIOException if the stream cannot be read
     */
    static ExportInput of(InputStream in, String source) {
        return of(in, source, false);
    }

    private static ExportInput of(InputStream in, String source, boolean gzipped) {
        PushbackInputStream pushback = new PushbackInputStream(in, SNIFF_BYTES);
        byte[] head = new byte[SNIFF_BYTES];
        int n;
        try {
            n = readUpTo(pushback, head);
            pushback.unread(head, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (starts(head, n, 0x1F, 0x8B)) {
            if (gzipped) {
                throw new ExportFormatException(source, 0, null, null, "is compressed twice with gzip, expected"
                        + " CSV or JSON Lines text compressed at most once: decompress it once first (gunzip)");
            }
            return of(new Gunzip(pushback, source), source, true);
        }
        String refused = refusedFormat(head, n);
        if (refused != null) {
            throw new ExportFormatException(source, 0, null, null, refused);
        }
        if (starts(head, n, 0xFF, 0xFE, 0x00, 0x00) || starts(head, n, 0x00, 0x00, 0xFE, 0xFF)) {
            throw new ExportFormatException(source, 0, null, null, "is UTF-32 text, expected UTF-8 or UTF-16:"
                    + " convert it first, e.g. iconv -f UTF-32 -t UTF-8");
        }
        if (utf16WithoutByteOrderMark(head, n)) {
            throw new ExportFormatException(source, 0, null, null, "is UTF-16 text without a byte-order mark (every"
                    + " other byte is a NUL), expected UTF-8 or UTF-16 with a byte-order mark: convert it first, e.g."
                    + " iconv -f UTF-16LE -t UTF-8 (or UTF-16BE)");
        }
        if (starts(head, n, 0xFF, 0xFE)) {
            return new ExportInput(new Utf16(pushback, source, true), false, gzipped);
        }
        if (starts(head, n, 0xFE, 0xFF)) {
            return new ExportInput(new Utf16(pushback, source, false), false, gzipped);
        }
        return new ExportInput(pushback, !gzipped, gzipped);
    }

    /** What a file starting with these bytes is, when it is a format that is not read; null otherwise. */
    private static @Nullable String refusedFormat(byte[] head, int n) {
        String only = ", expected CSV or JSON Lines text (plain, or compressed with gzip only)";
        if (starts(head, n, 'P', 'K', 3, 4) || starts(head, n, 'P', 'K', 5, 6)) {
            return "is a ZIP archive (an Excel .xlsx workbook is one too)" + only
                    + ": unzip it, or save the sheet as CSV";
        }
        if (starts(head, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "is an Excel .xls workbook" + only + ": save the sheet as CSV";
        }
        if (starts(head, n, 'B', 'Z', 'h')) {
            return "is compressed with bzip2" + only + ": decompress it first (bunzip2 -k), or compress it with gzip";
        }
        if (starts(head, n, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return "is compressed with xz" + only + ": decompress it first (unxz -k), or compress it with gzip";
        }
        if (starts(head, n, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "is compressed with zstd" + only + ": decompress it first (unzstd), or compress it with gzip";
        }
        if (starts(head, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "is a 7-Zip archive" + only + ": extract it first (7z x)";
        }
        if (starts(head, n, 'R', 'a', 'r', '!')) {
            return "is a RAR archive" + only + ": extract it first";
        }
        if (starts(head, n, 0x04, 0x22, 0x4D, 0x18)) {
            return "is compressed with lz4" + only + ": decompress it first (unlz4), or compress it with gzip";
        }
        if (starts(head, n, 0x1F, 0x9D)) {
            return "is compressed with compress (.Z)" + only + ": decompress it first (uncompress)";
        }
        return null;
    }

    /** Whether the first bytes are ASCII as UTF-16 (a NUL in every other byte) without a byte-order mark. */
    private static boolean utf16WithoutByteOrderMark(byte[] head, int n) {
        if (n < 4) {
            return false;
        }
        boolean evenNuls = true;
        boolean oddNuls = true;
        for (int i = 0; i + 1 < n; i += 2) {
            evenNuls &= head[i] == 0 && head[i + 1] != 0;
            oddNuls &= head[i] != 0 && head[i + 1] == 0;
        }
        return evenNuls || oddNuls;
    }

    private static boolean starts(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readUpTo(InputStream in, byte[] into) throws IOException {
        int n = 0;
        while (n < into.length) {
            int read = in.read(into, n, into.length - n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        return n;
    }

    /** Gunzips on the fly; damaged or cut-short gzip data is an {@link ExportFormatException}. */
    private static final class Gunzip extends InputStream {

        private final String source;
        private final InputStream compressed;
        private @Nullable GZIPInputStream gunzip;

        Gunzip(InputStream compressed, String source) {
            this.source = source;
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            return RefillingStream.readOne(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                GZIPInputStream in = gunzip;
                if (in == null) {
                    in = new GZIPInputStream(compressed, 1 << 16);
                    gunzip = in;
                }
                return in.read(b, off, len);
            } catch (EOFException | ZipException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() throws IOException {
            GZIPInputStream in = gunzip;
            if (in != null) {
                in.close();
            } else {
                compressed.close();
            }
        }

        private ExportFormatException failure(IOException e) {
            if (e instanceof EOFException) {
                return new ExportFormatException(source, 0, null, null, "the gzip data ends early: the file is"
                        + " truncated (an interrupted download or copy?), expected a complete .gz file");
            }
            return new ExportFormatException(source, 0, null, null, "the gzip data is damaged ("
                    + e.getMessage() + "), expected a complete .gz file");
        }
    }

    /**
     * Transcodes UTF-16 text (after its byte-order mark) to UTF-8, unit by unit, so that malformed UTF-16 (an unpaired
     * surrogate, an odd number of bytes) is an error naming its physical line.
     */
    private static final class Utf16 extends RefillingStream {

        private static final int RAW_BYTES = 8192;

        private final InputStream in;
        private final String source;
        private final boolean littleEndian;
        private final byte[] raw = new byte[RAW_BYTES];
        private int rawLimit;
        private long line = 1;
        private int pendingHigh = -1;
        private boolean eof;

        Utf16(PushbackInputStream in, String source, boolean littleEndian) {
            super(RAW_BYTES / 2 * 3 + 4);
            this.in = in;
            this.source = source;
            this.littleEndian = littleEndian;
            try {
                in.skipNBytes(2);
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
            }
        }

        @Override
        boolean refill() throws IOException {
            if (eof) {
                return false;
            }
            pos = 0;
            servable = 0;
            int n = in.read(raw, rawLimit, raw.length - rawLimit);
            if (n < 0) {
                eof = true;
                if (rawLimit > 0 || pendingHigh >= 0) {
                    throw malformed();
                }
                return false;
            }
            rawLimit += n;
            int i = 0;
            for (; i + 1 < rawLimit; i += 2) {
                char c = littleEndian ? (char) ((raw[i] & 0xFF) | (raw[i + 1] & 0xFF) << 8)
                        : (char) ((raw[i] & 0xFF) << 8 | (raw[i + 1] & 0xFF));
                if (pendingHigh >= 0) {
                    if (!Character.isLowSurrogate(c)) {
                        throw malformed();
                    }
                    put(Character.toCodePoint((char) pendingHigh, c));
                    pendingHigh = -1;
                } else if (Character.isHighSurrogate(c)) {
                    pendingHigh = c;
                } else if (Character.isLowSurrogate(c)) {
                    throw malformed();
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    put(c);
                }
            }
            System.arraycopy(raw, i, raw, 0, rawLimit - i);
            rawLimit -= i;
            return true;
        }

        private void put(int codePoint) {
            if (codePoint < 0x80) {
                buffer[servable++] = (byte) codePoint;
            } else if (codePoint < 0x800) {
                buffer[servable++] = (byte) (0xC0 | codePoint >> 6);
                buffer[servable++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (codePoint < 0x10000) {
                buffer[servable++] = (byte) (0xE0 | codePoint >> 12);
                buffer[servable++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[servable++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                buffer[servable++] = (byte) (0xF0 | codePoint >> 18);
                buffer[servable++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[servable++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[servable++] = (byte) (0x80 | codePoint & 0x3F);
            }
        }

        private ExportFormatException malformed() {
            return new ExportFormatException(source, line, null, null, "is not valid UTF-16 although it starts with"
                    + " a UTF-16 byte-order mark (an unpaired surrogate or an odd number of bytes), expected UTF-16"
                    + " or UTF-8 text");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
