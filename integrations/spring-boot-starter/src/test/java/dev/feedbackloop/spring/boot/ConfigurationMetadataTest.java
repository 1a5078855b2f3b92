package dev.feedbackloop.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata that the build writes into the jar, from which IDEs complete and explain
 * {@code feedbackloop.*}: every property is there, documented, with its default.
 */
final class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, String> defaults = new TreeMap<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asText();
            assertThat(property.path("description").asText()).as(name).isNotBlank().doesNotContain("{@");
            defaults.put(name, property.path("defaultValue").toString());
        }
        assertThat(defaults).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("feedbackloop.listeners.async", "false"),
                Map.entry("feedbackloop.health.outbox-backlog-threshold", "1000"),
                Map.entry("feedbackloop.metrics.cache-interval", "\"1m\""),
                Map.entry("feedbackloop.metrics.coverage-window", "\"30d\""),
                Map.entry("feedbackloop.scheduling.enabled", "true"),
                Map.entry("feedbackloop.scheduling.escalation-interval", "\"5m\""),
                Map.entry("feedbackloop.scheduling.event-delivery-interval", "\"30s\""),
                Map.entry("feedbackloop.store.create-schema", "true"),
                Map.entry("feedbackloop.surveys.locations", "\"classpath*:feedbackloop/surveys/*.json\""),
                Map.entry("management.health.feedbackloop.enabled", "true"))));
    }
}
