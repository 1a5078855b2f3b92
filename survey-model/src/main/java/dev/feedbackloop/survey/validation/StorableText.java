package dev.feedbackloop.survey.validation;

import dev.feedbackloop.InvalidInputException;
import java.util.Objects;

/**
 * The rule for text that is stored: no NUL (U+0000), which PostgreSQL refuses, and no unpaired UTF-16 surrogate,
 * which H2 and PostgreSQL replace with {@code ?}; a store would otherwise keep something other than what was
 * acknowledged, or fail. {@link dev.feedbackloop.survey.ResponseValidator} applies it to every text of a response
 * ({@link ViolationCode#INVALID_CHARACTER}); the core library applies it, with a length bound, to notes, reasons and
 * the other texts it stores. Stateless and thread-safe.
 */
public final class StorableText {

    private StorableText() {
    }

    /**
     * Returns the index of the first character that cannot be stored as given: NUL, or a surrogate that is not part
     * of a high-low pair.
     *
     * @param text the text
     * @return the index in UTF-16 units, or {@code -1} if every character can be stored
     */
    public static int firstInvalid(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Describes the character at an index found by {@link #firstInvalid(String)}, without quoting the text.
     *
     * @param text the text
     * @param index the index of the character
     * @return for example {@code "holds NUL (U+0000) at index 3"} or
     *     {@code "holds an unpaired UTF-16 surrogate (U+D83D) at index 6"}
     */
    public static String describe(String text, int index) {
        char c = text.charAt(index);
        String what = c == 0 ? "NUL" : "an unpaired UTF-16 surrogate";
        return "holds " + what + " (" + String.format("U+%04X", (int) c) + ") at index " + index
                + "; expected text without NUL or unpaired surrogates";
    }

    /**
     * Returns text with every character that cannot be stored written as a {@code \}{@code uXXXX} escape, for paths
     * and messages that must name a key without carrying such a character.
     *
     * @param text the text
     * @return the text itself when every character can be stored
     */
    public static String escaped(String text) {
        int at = firstInvalid(text);
        if (at < 0) {
            return text;
        }
        var escaped = new StringBuilder(text.length() + 8).append(text, 0, at);
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                escaped.append(c).append(text.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Checks a text that is about to be stored: it can be stored as given and has at most {@code maxCodePoints}
     * Unicode code points. The message names the text, never quotes it.
     *
     * @param text the text
     * @param name what the text is, for the message, for example {@code "note"}
     * @param maxCodePoints the most code points allowed
     * @return the text
     * @throws InvalidInputException if the text holds NUL or an unpaired surrogate, or is too long; its field is
     *     {@code name}
     */
    public static String require(String text, String name, int maxCodePoints) {
        Objects.requireNonNull(text, name);
        int invalid = firstInvalid(text);
        if (invalid >= 0) {
            throw new InvalidInputException(name, describe(text, invalid));
        }
        // a string never has more code points than chars
        if (text.length() > maxCodePoints) {
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints > maxCodePoints) {
                throw new InvalidInputException(name, codePoints + " code points is longer than the " + maxCodePoints
                        + " allowed");
            }
        }
        return text;
    }
}
