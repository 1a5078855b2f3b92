package dev.feedbackloop.core.care;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Care-plan coverage at a point in time: per tier, and the customers overdue for contact and never heard from.
 * Immutable.
 *
 * @param asOf the instant the report describes
 * @param tiers coverage per tier, in plan order; copied
 * @param overdue customers due for contact, most overdue first; copied
 * @param neverHeardFrom customers who never answered a survey, by id; copied
 */
public record CareReport(Instant asOf, List<TierCoverage> tiers, List<CustomerStatus> overdue,
                         List<CustomerStatus> neverHeardFrom) {

    public CareReport {
        Objects.requireNonNull(asOf, "asOf");
        tiers = List.copyOf(tiers);
        overdue = List.copyOf(overdue);
        neverHeardFrom = List.copyOf(neverHeardFrom);
    }

    /**
     * Coverage of one tier. Immutable.
     *
     * @param tier the tier name
     * @param customers customers in the tier
     * @param covered customers contacted within the tier's cadence
     * @param overdue customers due for contact ({@code customers - covered})
     * @param neverHeardFrom customers in the tier who never answered a survey
     */
    public record TierCoverage(String tier, int customers, int covered, int overdue, int neverHeardFrom) {

        public TierCoverage {
            Objects.requireNonNull(tier, "tier");
            if (customers < 0 || covered < 0 || overdue != customers - covered || neverHeardFrom < 0
                    || neverHeardFrom > customers) {
                throw new IllegalArgumentException("tier '" + tier + "': inconsistent counts " + customers + ", "
                        + covered + ", " + overdue + ", " + neverHeardFrom);
            }
        }

        /**
         * Returns the share of customers contacted within the cadence, in percent.
         *
         * @return 0–100; 0 for an empty tier
         */
        public double coveragePercent() {
            return customers == 0 ? 0 : 100.0 * covered / customers;
        }
    }
}
