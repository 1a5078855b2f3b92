package dev.feedbackloop.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's section on writing a store quotes a test of this module, which runs. */
final class ReadmeTest {

    @Test
    void readme_quotesTheStoreExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/feedbackloop/store/tck/CountingStoreTest.java"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains("```java\n" + source + "```\n");
    }
}
