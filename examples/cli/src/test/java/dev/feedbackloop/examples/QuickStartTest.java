package dev.feedbackloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class QuickStartTest {

    @Test
    void main_printsThatWeRespondedOnTimeAndTheNps() {
        String out = run();

        // One promoter (10) and one detractor (3): NPS = 100 * (1 - 1) / 2 = 0; SE = 100 * sqrt((0.5 + 0.5 - 0) / 2)
        // = 70.71, so the Wald interval 0 +- 138.6 is clipped to [-100, 100].
        assertThat(out).contains("Did we respond to r-1? ON_TIME");
        assertThat(out).contains("NPS +0.0 (95% CI -100.0 to 100.0, n = 2)");
    }

    @Test
    void readme_quotesTheQuickStartVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/feedbackloop/examples/QuickStart.java"));
        String readme = Files.readString(Path.of("../../README.md"));

        assertThat(readme).contains("```java\n" + source + "```\n");
    }

    private static String run() {
        PrintStream original = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
