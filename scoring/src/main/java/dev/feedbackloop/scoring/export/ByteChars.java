package dev.feedbackloop.scoring.export;

/** A reusable view of an ASCII byte range as characters, so that cells are parsed without creating a String. */
final class ByteChars implements CharSequence {

    private byte[] bytes = new byte[0];
    private int start;
    private int length;

    ByteChars set(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.length = end - start;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " is outside 0.." + (length - 1));
        }
        return (char) bytes[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return toString().substring(from, to);
    }

    @Override
    public String toString() {
        return new String(bytes, start, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
