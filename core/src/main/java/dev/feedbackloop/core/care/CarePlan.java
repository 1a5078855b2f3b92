package dev.feedbackloop.core.care;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Contact cadence by customer tier: an ordered list of {@link CareTier}s, the first that a customer belongs to
 * applies. Immutable.
 *
 * <pre>{@code
 * CarePlan plan = CarePlan.of(
 *         CareTier.byAttribute("strategic", "tier", "strategic", Duration.ofDays(90)),
 *         CareTier.everyone("everyone", Duration.ofDays(365)));
 * }</pre>
 *
 * @param tiers the tiers in order of precedence; copied; names unique; not empty
 */
public record CarePlan(List<CareTier> tiers) {

    public CarePlan {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("tiers: a care plan needs at least one tier");
        }
        var names = new HashSet<String>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!names.add(tiers.get(i).name())) {
                throw new IllegalArgumentException("tiers[" + i + "].name: '" + tiers.get(i).name()
                        + "' is already used");
            }
        }
    }

    /**
     * Returns a plan of tiers.
     *
     * @param tiers the tiers in order of precedence
     * @return the plan
     */
    public static CarePlan of(CareTier... tiers) {
        return new CarePlan(List.of(tiers));
    }

    /**
     * Returns the default plan: every customer at least once a year (365 days).
     *
     * @return the plan
     */
    public static CarePlan standard() {
        return of(CareTier.everyone("everyone", Duration.ofDays(365)));
    }

    /**
     * Looks up the tier that applies to a customer.
     *
     * @param customer the customer
     * @return the first tier the customer belongs to, or empty when none applies
     */
    public Optional<CareTier> findTier(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        for (CareTier tier : tiers) {
            if (tier.members().test(customer)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the tier that applies to a customer.
     *
     * @param customer the customer
     * @return the first tier the customer belongs to
     * @throws IllegalArgumentException if no tier applies (a plan ending in {@link CareTier#everyone} covers all)
     */
    public CareTier tier(Customer customer) {
        return findTier(customer).orElseThrow(() -> new IllegalArgumentException("customer '" + customer.id()
                + "': no tier of this care plan applies; expected a plan whose last tier is everyone(...)"));
    }
}
