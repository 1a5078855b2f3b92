package dev.feedbackloop.survey;

import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who answered: a customer id (absent for anonymous surveys) and segment attributes such as plan, region or
 * account value. Immutable.
 *
 * <p>Sizes are Bean Validation constraints checked by {@link dev.feedbackloop.survey.ResponseValidator}:
 * a customer id of at most {@value #MAX_CUSTOMER_ID_LENGTH} characters, at most {@value #MAX_ATTRIBUTES}
 * attributes, names of 1 to {@value #MAX_ATTRIBUTE_NAME_LENGTH} and values of at most
 * {@value #MAX_ATTRIBUTE_VALUE_LENGTH} characters.
 *
 * @param customerId the host's customer id, or {@code null} for an anonymous response
 * @param attributes segment attributes by name; copied; names and values are non-null
 */
public record Respondent(@Nullable @Size(max = MAX_CUSTOMER_ID_LENGTH) String customerId,
                         @Size(max = MAX_ATTRIBUTES) Map<@Size(min = 1, max = MAX_ATTRIBUTE_NAME_LENGTH) String,
                                 @Size(max = MAX_ATTRIBUTE_VALUE_LENGTH) String> attributes) {

    /** The longest customer id accepted by validation, in characters. */
    public static final int MAX_CUSTOMER_ID_LENGTH = 128;
    /** The most segment attributes accepted by validation. */
    public static final int MAX_ATTRIBUTES = 32;
    /** The longest attribute name accepted by validation, in characters. */
    public static final int MAX_ATTRIBUTE_NAME_LENGTH = 64;
    /** The longest attribute value accepted by validation, in characters. */
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 256;

    public Respondent {
        if (customerId != null && customerId.isBlank()) {
            throw new IllegalArgumentException("customerId: '" + customerId + "' is blank; expected a customer id,"
                    + " or null for an anonymous respondent");
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
