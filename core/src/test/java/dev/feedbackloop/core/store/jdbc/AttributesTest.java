package dev.feedbackloop.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seeds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Seeds.class)
final class AttributesTest {

    @Test
    void decode_ofEncode_isTheMap_sortedByNameInBetween(Random random) {
        for (int i = 0; i < 2_000; i++) {
            var attributes = new HashMap<String, String>();
            int size = random.nextInt(5);
            for (int j = 0; j < size; j++) {
                attributes.put(randomText(random), randomText(random));
            }

            String encoded = Attributes.encode(attributes);

            assertThat(Attributes.decode(encoded)).isEqualTo(attributes);
            assertThat(encoded).isEqualTo(sortedEncoding(attributes));
        }
    }

    private static String randomText(Random random) {
        var text = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int j = 0; j < length; j++) {
            text.append("ab =&%é/Z9".charAt(random.nextInt(10)));
        }
        return text.toString();
    }

    /** The encoding as the store wrote it before, for comparison: a sorted copy, each part through URLEncoder. */
    private static String sortedEncoding(Map<String, String> attributes) {
        var text = new StringBuilder();
        new TreeMap<>(attributes).forEach((name, value) -> {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return text.toString();
    }
}
