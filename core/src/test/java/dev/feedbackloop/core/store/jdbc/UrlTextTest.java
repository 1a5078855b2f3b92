package dev.feedbackloop.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seeds;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class UrlTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain.Name-1*_", "a b", "2024-03-04T09:00:00.123Z", "r 1&=?/%+~", "ana müller",
        "emoji \uD83D\uDE00 end", "\u0000\u007F", "tab\tnew\nline"})
    void append_isWhatUrlEncoderWrites(String part) {
        var text = new StringBuilder("kept&");

        UrlText.append(text, part);

        assertThat(text.toString()).isEqualTo("kept&" + URLEncoder.encode(part, StandardCharsets.UTF_8));
    }

    @Test
    void append_randomText_isWhatUrlEncoderWrites(Random random) {
        // mostly ASCII, with now and then a character beyond it, so both ways of encoding run
        for (int i = 0; i < 20_000; i++) {
            var part = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                boolean beyondAscii = random.nextInt(20) == 0;
                part.append(beyondAscii ? (char) (0x80 + random.nextInt(0x700)) : (char) random.nextInt(0x80));
            }
            var text = new StringBuilder("x=");

            UrlText.append(text, part.toString());

            assertThat(text.toString()).as("'%s'", part)
                    .isEqualTo("x=" + URLEncoder.encode(part.toString(), StandardCharsets.UTF_8));
            assertThat(URLDecoder.decode(text.substring(2), StandardCharsets.UTF_8)).isEqualTo(part.toString());
        }
    }
}
