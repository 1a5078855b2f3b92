package dev.feedbackloop.core.followup;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the records of this package. */
final class Texts {

    private Texts() {
    }

    static String requireText(@Nullable String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
