package dev.feedbackloop.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seeds;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class AttributesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain.Name-1*_", "a b", "2024-03-04T09:00:00.123Z", "r 1&=?/%+~", "ana müller",
        "emoji \uD83D\uDE00 end", "\u0000\u007F", "tab\tnew\nline"})
    void appendEncoded_isWhatUrlEncoderWrites(String part) {
        var text = new StringBuilder("kept&");

        Attributes.appendEncoded(text, part);

        assertThat(text.toString()).isEqualTo("kept&" + URLEncoder.encode(part, StandardCharsets.UTF_8));
    }

    @Test
    void appendEncoded_randomText_isWhatUrlEncoderWrites(Random random) {
        // mostly ASCII, with now and then a character beyond it, so both ways of encoding run
        for (int i = 0; i < 20_000; i++) {
            var part = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                boolean beyondAscii = random.nextInt(20) == 0;
                part.append(beyondAscii ? (char) (0x80 + random.nextInt(0x700)) : (char) random.nextInt(0x80));
            }
            var text = new StringBuilder("x=");

            Attributes.appendEncoded(text, part.toString());

            assertThat(text.toString()).as("'%s'", part)
                    .isEqualTo("x=" + URLEncoder.encode(part.toString(), StandardCharsets.UTF_8));
            assertThat(URLDecoder.decode(text.substring(2), StandardCharsets.UTF_8)).isEqualTo(part.toString());
        }
    }

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
