package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed sample export is exactly what {@link HelpdeskSample} generates. */
final class HelpdeskSampleTest {

    /** The sample, relative to this module (the directory the tests run in). */
    static final Path SAMPLE = Path.of("samples", "helpdesk.csv");

    @Test
    void committedSample_isTheGeneratorsOutput() throws IOException {
        String generated = HelpdeskSample.csv();
        if (Boolean.getBoolean("feedbackloop.writeSamples")) {
            Files.writeString(SAMPLE, generated, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(SAMPLE, StandardCharsets.UTF_8)).as("regenerate with"
                + " -Dfeedbackloop.writeSamples=true").isEqualTo(generated);
    }

    @Test
    void generator_isDeterministicAndHasTheDocumentedShape() {
        String csv = HelpdeskSample.csv();

        assertThat(csv).isEqualTo(HelpdeskSample.csv());
        assertThat(csv.lines()).hasSize(HelpdeskSample.TICKETS + 1).first().isEqualTo(HelpdeskSample.HEADER);
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).matches(
                "T-\\d{4},(starter|pro|enterprise),(EU|NA|APAC),(\\d|10)?,[1-5],2024-0[1-6]-\\d\\dT[\\d:]+Z,"
                        + "(2024-\\d\\d-\\d\\dT[\\d:]+Z)?"));
    }
}
