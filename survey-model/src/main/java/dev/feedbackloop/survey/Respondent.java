package dev.feedbackloop.survey;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who answered: a customer id (absent for anonymous surveys) and segment attributes such as plan, region or
 * account value. Immutable.
 *
 * @param customerId the host's customer id, or {@code null} for an anonymous response
 * @param attributes segment attributes by name; copied; names and values are non-null
 */
public record Respondent(@Nullable String customerId, Map<String, String> attributes) {

    public Respondent {
        if (customerId != null && customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank; use null for anonymous");
        }
        attributes = Map.copyOf(attributes);
    }

    /**
     * Returns an anonymous respondent with no attributes.
     *
     * @return the respondent
     */
    public static Respondent anonymous() {
        return new Respondent(null, Map.of());
    }

    /**
     * Returns a known customer with segment attributes.
     *
     * @param customerId the host's customer id
     * @param attributes segment attributes
     * @return the respondent
     */
    public static Respondent of(String customerId, Map<String, String> attributes) {
        return new Respondent(customerId, attributes);
    }

    /**
     * Returns one attribute.
     *
     * @param name the attribute name
     * @return its value, or {@code null} when the respondent has no such attribute
     */
    public @Nullable String attribute(String name) {
        return attributes.get(name);
    }
}
