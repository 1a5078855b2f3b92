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

    static String requireId(String id) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: '" + id + "' does not match " + ID.pattern());
        }
        return id;
    }
}
