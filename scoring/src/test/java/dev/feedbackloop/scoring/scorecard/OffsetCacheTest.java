package dev.feedbackloop.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class OffsetCacheTest {

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
        "Pacific/Apia"})
    void offsetAt_agreesWithZoneRules_onRandomInstantsAndAroundTransitions(String zoneId, Seed seed) {
        Random random = seed.random();
        ZoneId zone = ZoneId.of(zoneId);
        OffsetCache cache = new OffsetCache(zone);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            long second = i % 2 == 0
                    ? from + (long) (random.nextDouble() * (to - from))
                    : Instant.parse("2024-03-31T01:00:00Z").getEpochSecond() + random.nextInt(7_200) - 3_600;
            int expected = zone.getRules().getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
            assertThat(cache.offsetAt(second)).as("seed %d second %d", seed.value(), second).isEqualTo(expected);
        }
    }
}
