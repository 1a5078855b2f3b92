package dev.feedbackloop.survey;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks shared by the question records. */
final class Questions {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Questions() {
    }

    static boolean isId(String id) {
        return ID.matcher(id).matches();
    }

    /** Untranslated text given to a factory or builder, rejected when blank with a message that names it. */
    static LocalizedText text(String text, String name) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + ": '" + text + "' is blank; expected text to show");
        }
        return LocalizedText.of(text);
    }

    static String requireId(String id) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: '" + id + "' does not match " + ID.pattern());
        }
        return id;
    }
}
