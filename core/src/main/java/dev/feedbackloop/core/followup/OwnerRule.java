package dev.feedbackloop.core.followup;

import dev.feedbackloop.survey.Response;
import java.util.Objects;

/**
 * Chooses who owns a new follow-up: a fixed owner, a respondent attribute such as the account owner, or a host
 * callback. Must be side-effect free and thread-safe; stock rules are immutable.
 */
@FunctionalInterface
public interface OwnerRule {

    /**
     * Returns the owner for a response.
     *
     * @param response the response that opens the follow-up
     * @return the owner; not blank
     */
    String ownerFor(Response response);

    /**
     * Returns a rule that always picks the same owner.
     *
     * @param owner the owner, for example {@code "cs-team"}
     * @return the rule
     */
    static OwnerRule fixed(String owner) {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner: '" + owner + "' is blank; expected an owner");
        }
        return response -> owner;
    }

    /**
     * Returns a rule that takes the owner from a respondent attribute, for example {@code "accountOwner"}, and
     * falls back to a default when the respondent has no such attribute.
     *
     * @param attribute the attribute name
     * @param fallback the owner when the attribute is absent or blank
     * @return the rule
     */
    static OwnerRule attribute(String attribute, String fallback) {
        Objects.requireNonNull(attribute, "attribute");
        OwnerRule otherwise = fixed(fallback);
        return response -> {
            String value = response.respondent().attribute(attribute);
            return value == null || value.isBlank() ? otherwise.ownerFor(response) : value;
        };
    }
}
