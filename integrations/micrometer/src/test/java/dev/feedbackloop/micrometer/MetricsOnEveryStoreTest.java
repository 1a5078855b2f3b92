package dev.feedbackloop.micrometer;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.InvalidResponseException;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.store.TestStores;
import dev.feedbackloop.core.store.jdbc.Databases;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The meters on a real loop over each store of the library: in memory, H2 and PostgreSQL (which needs
 * {@code FEEDBACKLOOP_TEST_POSTGRES_URL}; skipped without it, failed without it when {@code CI=true}).
 */
final class MetricsOnEveryStoreTest {

    private final Databases databases = new Databases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(value = TestStores.class, names = {"IN_MEMORY", "H2_MEMORY", "POSTGRES"})
    void aDayOfTheLoop_isCountedTimedAndGauged(TestStores kind) {
        MeteredLoop metered = new MeteredLoop(kind.open(databases).store());
        for (int i = 0; i < 6; i++) {
            metered.loop.submit(Fixtures.response("r" + i, "c" + i, i < 4 ? 2 : 10, null, T0));
        }
        assertThatThrownBy(() -> metered.loop.submit(Fixtures.response("bad", "c9", 11, null, T0)))
                .isInstanceOf(InvalidResponseException.class);
        metered.clock.advance(Duration.ofHours(2));
        FollowUp first = metered.loop.followUps().ofResponse("r0").get(0);
        FollowUp contacted = metered.loop.followUps().contact(first.id(), first.version(),
                Contact.of("phone", "ana", metered.loop.now(), null));
        metered.clock.advance(Duration.ofHours(4));
        metered.loop.followUps().resolve(first.id(), contacted.version(),
                Resolution.of("fixed", "bug", "ana", metered.loop.now(), null));
        metered.clock.advance(Duration.ofHours(48));
        metered.loop.followUps().escalateOverdue(metered.loop.now());

        String[] policy = {"policy", MeteredLoop.POLICY};
        assertThat(metered.counter(MeterNames.RESPONSES, "outcome", "accepted", "survey", Fixtures.SURVEY))
                .isEqualTo(6);
        assertThat(metered.counter(MeterNames.RESPONSES, "outcome", "rejected", "reason", "answer.out-of-scale"))
                .isEqualTo(1);
        assertThat(metered.counter(MeterNames.OPENED, policy)).isEqualTo(4);
        assertThat(metered.counter(MeterNames.CONTACTED, policy)).isEqualTo(1);
        assertThat(metered.counter(MeterNames.RESOLVED, policy)).isEqualTo(1);
        assertThat(metered.counter(MeterNames.ESCALATED, "policy", MeteredLoop.POLICY, "deadline", "first-contact"))
                .isEqualTo(3);
        Timer toContact = metered.registry.get(MeterNames.TIME_TO_FIRST_CONTACT).tags(policy).timer();
        assertThat(toContact.totalTime(TimeUnit.HOURS)).isEqualTo(2);
        assertThat(metered.registry.get(MeterNames.TIME_TO_RESOLUTION).tags(policy).timer()
                .totalTime(TimeUnit.HOURS)).isEqualTo(6);
        assertThat(metered.gauge(MeterNames.OPEN, policy)).isEqualTo(3);
        assertThat(metered.gauge(MeterNames.OVERDUE, "policy", MeteredLoop.POLICY, "deadline", "first-contact"))
                .isEqualTo(3);
        assertThat(metered.gauge(MeterNames.OVERDUE, "policy", MeteredLoop.POLICY, "deadline", "resolution"))
                .isZero();
        assertThat(metered.gauge(MeterNames.NEEDED, policy)).isEqualTo(4);
        assertThat(metered.gauge(MeterNames.ON_TIME, policy)).isEqualTo(1);
        assertThat(metered.gauge(MeterNames.COVERAGE, policy)).isEqualTo(0.25);
    }

}
