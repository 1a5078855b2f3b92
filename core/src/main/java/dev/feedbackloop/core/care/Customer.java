package dev.feedbackloop.core.care;

import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.validation.StorableText;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer known to the feedback loop: the host's id and attributes such as tier, plan or account value. Immutable.
 *
 * <p>Customers are registered by the host, and implicitly by their first response; care-plan tiers are chosen from
 * the attributes.
 *
 * <p>Texts are stored as given, so none may hold NUL or an unpaired UTF-16 surrogate; the id has at most
 * {@value Respondent#MAX_CUSTOMER_ID_LENGTH} characters, attribute names and values at most
 * {@value #MAX_ATTRIBUTE_LENGTH} code points.
 *
 * @param id the host's customer id; not blank
 * @param attributes attributes by name; copied
 */
public record Customer(String id, Map<String, String> attributes) {

    /** The longest attribute name or value, in Unicode code points. */
    public static final int MAX_ATTRIBUTE_LENGTH = 1_000;

    public Customer {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("customer.id: '" + id + "' is blank; expected a customer id");
        }
        StorableText.require(id, "customer.id", Respondent.MAX_CUSTOMER_ID_LENGTH);
        attributes = Map.copyOf(attributes);
        attributes.forEach((name, value) -> {
            StorableText.require(name, "customer.attributes name", MAX_ATTRIBUTE_LENGTH);
            StorableText.require(value, "customer.attributes value", MAX_ATTRIBUTE_LENGTH);
        });
    }

    /**
     * Returns a customer.
     *
     * @param id the customer id
     * @param attributes the attributes
     * @return the customer
     */
    public static Customer of(String id, Map<String, String> attributes) {
        return new Customer(id, attributes);
    }

    /**
     * Returns one attribute.
     *
     * @param name the attribute name
     * @return the value, or {@code null} when absent
     */
    public @Nullable String attribute(String name) {
        return attributes.get(name);
    }
}
