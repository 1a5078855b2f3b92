package dev.feedbackloop.core.care;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One tier of a {@link CarePlan}: which customers belong to it and how often they must be contacted. Immutable
 * (given a side-effect-free, thread-safe predicate).
 *
 * @param name the tier name, for example {@code "strategic"}; not blank
 * @param members which customers belong to it
 * @param contactEvery the longest allowed time between contacts; positive
 */
public record CareTier(String name, Predicate<Customer> members, Duration contactEvery) {

    public CareTier {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("careTier.name: '" + name + "' is blank; expected a tier name");
        }
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(contactEvery, "contactEvery");
        if (contactEvery.isNegative() || contactEvery.isZero()) {
            throw new IllegalArgumentException("tier '" + name + "': contactEvery " + contactEvery
                    + " is not positive");
        }
    }

    /**
     * Returns a tier for customers whose attribute has one value, for example {@code tier = strategic}.
     *
     * @param name the tier name
     * @param attribute the attribute name
     * @param value the value
     * @param contactEvery the cadence
     * @return the tier
     */
    public static CareTier byAttribute(String name, String attribute, String value, Duration contactEvery) {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        return new CareTier(name, customer -> value.equals(customer.attribute(attribute)), contactEvery);
    }

    /**
     * Returns a tier for customers whose numeric attribute, such as annual account value, is at least a minimum;
     * customers whose attribute is absent or not a number do not belong.
     *
     * @param name the tier name
     * @param attribute the attribute name, for example {@code "arr"}
     * @param minimum the smallest value that belongs
     * @param contactEvery the cadence
     * @return the tier
     */
    public static CareTier byMinimum(String name, String attribute, BigDecimal minimum, Duration contactEvery) {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(minimum, "minimum");
        return new CareTier(name, customer -> {
            String value = customer.attribute(attribute);
            if (value == null) {
                return false;
            }
            try {
                return new BigDecimal(value.trim()).compareTo(minimum) >= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }, contactEvery);
    }

    /**
     * Returns a tier every customer belongs to, the usual last tier.
     *
     * @param name the tier name
     * @param contactEvery the cadence
     * @return the tier
     */
    public static CareTier everyone(String name, Duration contactEvery) {
        return new CareTier(name, customer -> true, contactEvery);
    }
}
