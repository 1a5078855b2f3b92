package dev.feedbackloop.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

@ExtendWith(Seeds.class)
final class HtmlTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain text|plain text",
        "Hart & Hale|Hart &amp; Hale",
        "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
        "`say \"hi\"`|`say &quot;hi&quot;`",
        "it's|it&#39;s",
        "Tags <&> Labels|Tags &lt;&amp;&gt; Labels",
        "&amp;|&amp;amp;",
        "Größe – ✓|Größe – ✓"
    })
    void escape_replacesMarkupCharacters(String text, String expected) {
        assertThat(Html.escape(text)).isEqualTo(expected);
    }

    @Test
    void escape_replacesCharactersXmlForbids() {
        assertThat(Html.escape("a\u0000b\u0007c\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
    }

    @Test
    void escape_keepsWhitespaceAndSurrogatePairs() {
        assertThat(Html.escape("tab\tline\nreturn\r 😀")).isEqualTo("tab\tline\nreturn\r 😀");
    }

    @Test
    void escape_replacesLoneSurrogates() {
        assertThat(Html.escape("x\uD83Dy\uDE00z")).isEqualTo("x\uFFFDy\uFFFDz");
    }

    @Test
    void escape_anyText_parsesBackToItselfInAttributesAndContent(Seed seed) throws Exception {
        var random = seed.random();
        String alphabet = "ab <>&\"'\t\n\u00E9\u2013\uD83D\uDE00";
        for (int run = 0; run < 200; run++) {
            var text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    text.append(c).append(alphabet.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    text.append(c);
                }
            }
            String escaped = Html.escape(text.toString());
            String xml = "<p title=\"" + escaped + "\">" + escaped + "</p>";
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            String expected = text.toString().replace("\r", "\n");
            assertThat(document.getDocumentElement().getTextContent()).as("seed %d", seed.value()).isEqualTo(expected);
            // attribute values normalise whitespace to spaces
            assertThat(document.getDocumentElement().getAttribute("title")).as("seed %d", seed.value())
                    .isEqualTo(text.toString().replaceAll("[\t\n\r]", " "));
        }
    }
}
