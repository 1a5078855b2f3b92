package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web app's own {@code feedbackloop.*} properties (the starter describes its own) are described for IDEs in
 * {@code META-INF/additional-spring-configuration-metadata.json}: every one that its sources read, and no other.
 */
final class ConfigurationMetadataTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(feedbackloop\\.[a-z0-9.-]+)[:}]");

    @Test
    void everyPropertyTheSourcesReadIsDescribed() throws IOException {
        JsonNode metadata;
        String file = "META-INF/additional-spring-configuration-metadata.json";
        try (InputStream in = getClass().getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Set<String> described = new TreeSet<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asText();
            assertThat(property.path("description").asText()).as(name).isNotBlank();
            assertThat(property.path("type").asText()).as(name).isNotBlank();
            described.add(name);
        }

        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher placeholder = PLACEHOLDER.matcher(Files.readString(source));
                while (placeholder.find()) {
                    read.add(placeholder.group(1));
                }
            }
        }

        assertThat(read).as("properties read with @Value").isNotEmpty();
        assertThat(described).isEqualTo(read);
    }
}
