package dev.feedbackloop.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.followup.FollowUpMetrics;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ChartsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"79.5, 79.5", "79.95, 80.0", "79.94, 79.9", "80, 80.0", "0, 0.0", "100, 100.0"})
    void oneDecimal_roundsHalfUp(double value, double expected) {
        assertThat(Charts.oneDecimal(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of 2000 on time -> label {1}, missed {2}")
    @CsvSource({"1590, 79.5, true", "1599, 80.0, false", "1598, 79.9, true", "1600, 80.0, false"})
    void sla_colourAgreesWithTheLabel(long onTime, String label, boolean missed) {
        var metrics = new FollowUpMetrics(2000, 2000, onTime, 2000, 0, 0, 0, null, null);
        String svg = Charts.sla("sla", Map.of("2025-04", metrics), 80, "caption");
        Matcher bar = Pattern.compile("<rect class=\"(bar[^\"]*)\" x=\"[\\d.]+\" y=\"[\\d.]+\" width=\"[\\d.]+\" "
                + "height=\"[\\d.]+\"/>\\n<text class=\"small\"[^>]*>([\\d.]+)</text>").matcher(svg);
        assertThat(bar.find()).as(svg).isTrue();
        assertThat(bar.group(2)).isEqualTo(label);
        assertThat(bar.group(1).contains("miss")).isEqualTo(missed);
    }

    @Test
    void table_labelsEveryCellWithItsColumn_andEscapes() {
        String html = Charts.table(List.of("customer", "late by"), List.of("", "nowrap"),
                List.of(List.of("Tags <&> Labels", "2 days")));
        assertThat(html).contains("<td data-label=\"customer\">Tags &lt;&amp;&gt; Labels</td>")
                .contains("<td class=\"nowrap\" data-label=\"late by\">2 days</td>")
                .contains("<th scope=\"col\" class=\"nowrap\">late by</th>");
    }
}
