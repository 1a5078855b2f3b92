package dev.feedbackloop.examples.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.scoring.Comparison;
import dev.feedbackloop.scoring.Interval;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        String svg = Charts.sla("sla", "On time, by month", Map.of("2025-04", metrics), 80,
                new Timeline("month the follow-up was opened", Set.of(), ""), "caption");
        Matcher bar = Pattern.compile("<rect class=\"(bar[^\"]*)\" x=\"[\\d.]+\" y=\"[\\d.]+\" width=\"[\\d.]+\" "
                + "height=\"[\\d.]+\"/>\\n<text class=\"small\"[^>]*>([\\d.]+)</text>").matcher(svg);
        assertThat(bar.find()).as(svg).isTrue();
        assertThat(bar.group(2)).isEqualTo(label);
        assertThat(bar.group(1).contains("miss")).isEqualTo(missed);
    }

    @ParameterizedTest(name = "from {0} to {1}: label {2} the point")
    @CsvSource({"20, -100, above", "20, -10, below", "-20, 100, below", "-20, 10, above"})
    void trend_significantChangeLabel_staysInsideThePlot(double before, double after, String side) {
        var change = new Comparison(after - before, 1, Interval.of(after - before - 2, after - before + 2), 9, 0,
                0.95);
        String svg = Charts.trend("nps", "NPS", List.of(
                new PeriodScore("2025-W01", 40, before, around(before), null, false),
                new PeriodScore("2025-W02", 40, after, around(after), change, false)),
                -100, 100, 20, true, "NPS (points)", new Timeline("week", Set.of(), ""), "caption");
        double ring = number(svg, "<circle class=\"significant\" cx=\"[\\d.]+\" cy=\"([\\d.]+)\"");
        double label = number(svg, "<text class=\"change\" x=\"[\\d.]+\" y=\"([\\d.]+)\"");
        double axisLabels = number(svg, "<text class=\"axis\" x=\"[\\d.]+\" y=\"([\\d.]+)\" text-anchor=\"middle\">"
                + "2025-W01");
        assertThat(label).as(svg).isEqualTo(side.equals("above") ? ring - 13 : ring + 22)
                .isLessThan(axisLabels - 12).isGreaterThan(12);
    }

    @Test
    void sla_theLabelOfAFullBar_staysClearOfTheLegend() {
        var metrics = new FollowUpMetrics(10, 10, 10, 10, 0, 0, 0, null, null);
        String svg = Charts.sla("sla", "On time, by week", Map.of("2025-W01", metrics), 80,
                new Timeline("week", Set.of(), ""), "caption");
        double legendBaseline = number(svg, "<text class=\"axis\" x=\"[\\d.]+\" y=\"([\\d.]+)\" "
                + "text-anchor=\"start\">on time");
        double fullBarLabel = number(svg, "<text class=\"small\" x=\"[\\d.]+\" y=\"([\\d.]+)\"[^>]*>100.0<");
        assertThat(fullBarLabel - legendBaseline).as("room for the label's 13 px above its baseline")
                .isGreaterThanOrEqualTo(20);
    }

    private static Interval around(double score) {
        return Interval.of(Math.max(-100, score - 5), Math.min(100, score + 5));
    }

    private static double number(String svg, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(svg);
        assertThat(matcher.find()).as("%s in %s", regex, svg).isTrue();
        return Double.parseDouble(matcher.group(1));
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
