package dev.feedbackloop.survey.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Instants#parse} agrees with {@link Instant#parse} everywhere. Seeded; rerun with -Dfeedbackloop.seed=N. */
@ExtendWith(Seeds.class)
final class InstantsTest {


    private static Instant reference(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-05T10:15:30Z, 1709633730, 0",
        "1970-01-01T00:00:00Z, 0, 0",
        "1969-12-31T23:59:59.999999999Z, -1, 999999999",
        "2000-02-29T12:00:00.5Z, 951825600, 500000000",
        "0000-01-01T00:00:00Z, -62167219200, 0",
        "9999-12-31T23:59:59.000001Z, 253402300799, 1000"
    })
    void commonForm_takesTheFastPath(String text, long epochSecond, int nanos) {
        assertThat(Instants.fastPath(text)).isEqualTo(Instant.ofEpochSecond(epochSecond, nanos))
                .isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05T10:15:30+01:00", "2024-03-05t10:15:30z", "2023-12-31T23:59:60Z",
        "2024-03-05T24:00:00Z", "+12024-03-05T10:15:30Z", "2024-03-05T10:15:30.Z", "2024-03-05T10:15:30.1234567890Z",
        "2023-02-29T10:15:30Z", "2024-04-31T10:15:30Z", "2024-3-05T10:15:30Z", "yesterday", ""})
    void otherForms_goToInstantParse(String text) {
        assertThat(Instants.fastPath(text)).isNull();
        assertThat(Instants.parse(text)).isEqualTo(reference(text));
    }

    @Test
    void randomTexts_parseAsInstantParseDoes(Seed seed) {
        var random = seed.random();
        int fast = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(62),
                    random.nextInt(3) == 0 ? "" : "." + "0123456789".substring(0, 1 + random.nextInt(10)));
            if (random.nextInt(10) == 0) {
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = "0Z:T-.x+ ".charAt(random.nextInt(9));
                text = new String(chars);
            }

            assertThat(Instants.parse(text)).as("seed %d: %s", seed.value(), text).isEqualTo(reference(text));
            fast += Instants.fastPath(text) != null ? 1 : 0;
        }
        assertThat(fast).isGreaterThan(10_000);
    }
}
