package dev.feedbackloop.core.care;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer known to the feedback loop: the host's id and attributes such as tier, plan or account value. Immutable.
 *
 * <p>Customers are registered by the host, and implicitly by their first response; care-plan tiers are chosen from
 * the attributes.
 *
 * @param id the host's customer id; not blank
 * @param attributes attributes by name; copied
 */
public record Customer(String id, Map<String, String> attributes) {

    public Customer {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("customer.id: '" + id + "' is blank; expected a customer id");
        }
        attributes = Map.copyOf(attributes);
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
