package dev.feedbackloop.core.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CarePlanTest {

    private final CarePlan plan = CarePlan.of(
            CareTier.byAttribute("strategic", "tier", "strategic", Duration.ofDays(90)),
            CareTier.byAttribute("gold", "tier", "gold", Duration.ofDays(180)));

    @Test
    void tier_isTheFirstTierTheCustomerBelongsTo() {
        Customer customer = Customer.of("c1", Map.of("tier", "gold"));

        assertThat(plan.tier(customer).name()).isEqualTo("gold");
        assertThat(plan.findTier(customer)).contains(plan.tier(customer));
    }

    @Test
    void customerOfNoTier_findTierIsEmptyAndTierThrows() {
        Customer customer = Customer.of("c2", Map.of("tier", "bronze"));

        assertThat(plan.findTier(customer)).isEmpty();
        assertThatThrownBy(() -> plan.tier(customer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c2").hasMessageContaining("no tier");
    }

    @Test
    void standardPlan_coversEveryCustomer() {
        assertThat(CarePlan.standard().findTier(Customer.of("c3", Map.of()))).isPresent();
    }
}
