package dev.feedbackloop.examples.demo;

import static dev.feedbackloop.examples.demo.Html.escape;

import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.examples.demo.Findings.Bucket;
import dev.feedbackloop.examples.demo.Findings.PeriodScore;
import dev.feedbackloop.examples.demo.Findings.SegmentScore;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG: no script, no fonts or images fetched, readable in any browser and by screen
 * readers. Each chart is a {@code <figure>} holding an {@code <svg role="img">} with an {@code aria-label}, a
 * {@code <title>} and a {@code <desc>} that states what the chart shows in words, a caption, and the numbers as a
 * small table. Every text from data is escaped with {@link Html#escape(String)}.
 *
 * <p>Stateless and thread-safe.
 */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 280;
    private static final int LEFT = 52;
    private static final int RIGHT = 16;
    private static final int TOP = 18;
    private static final int BOTTOM = 40;

    private Charts() {
    }

    /** A chart: its id, title, long description, the SVG body, a caption and a data table. */
    static String figure(String id, String title, String description, String body, int height, String caption,
                         String table) {
        return "<figure id=\"" + escape(id) + "\">\n"
                + "<h3 aria-hidden=\"true\">" + escape(title) + "</h3>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + height
                + "\" width=\"100%\" aria-label=\"" + escape(title + ". " + description) + "\" aria-labelledby=\""
                + escape(id) + "-title " + escape(id) + "-desc\">\n"
                + "<title id=\"" + escape(id) + "-title\">" + escape(title) + "</title>\n"
                + "<desc id=\"" + escape(id) + "-desc\">" + escape(description) + "</desc>\n"
                + body
                + "</svg>\n"
                + "<figcaption>" + escape(caption) + "</figcaption>\n"
                + "<details><summary>The numbers</summary>\n" + table + "</details>\n"
                + "</figure>\n";
    }

    /** A monthly trend: the score as a line, its 95% interval as a band, significant changes ringed. */
    static String trend(String id, String title, List<PeriodScore> scores, double min, double max, double step,
                        boolean points, String caption) {
        var body = new StringBuilder();
        double low = min;
        double high = max;
        for (PeriodScore score : scores) {
            low = Math.min(low, Math.floor(score.ci().lower() / step) * step);
            high = Math.max(high, Math.ceil(score.ci().upper() / step) * step);
        }
        Scale y = Scale.vertical(low, high, TOP, HEIGHT - BOTTOM);
        double band = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, scores.size());
        grid(body, y, step, points);
        if (points && low < 0 && high > 0) {
            body.append(line(LEFT, y.at(0), WIDTH - RIGHT, y.at(0), "zero"));
        }
        var upper = new StringBuilder();
        var lower = new ArrayList<String>();
        var line = new StringBuilder();
        for (int i = 0; i < scores.size(); i++) {
            double x = LEFT + (i + 0.5) * band;
            PeriodScore score = scores.get(i);
            upper.append(num(x)).append(',').append(num(y.at(score.ci().upper()))).append(' ');
            lower.add(0, num(x) + "," + num(y.at(score.ci().lower())));
            line.append(num(x)).append(',').append(num(y.at(score.score()))).append(' ');
        }
        body.append("<polygon class=\"band\" points=\"").append(upper).append(String.join(" ", lower))
                .append("\"/>\n");
        body.append("<polyline class=\"series\" points=\"").append(line.toString().trim()).append("\"/>\n");
        for (int i = 0; i < scores.size(); i++) {
            PeriodScore score = scores.get(i);
            double x = LEFT + (i + 0.5) * band;
            double yy = y.at(score.score());
            if (score.significant()) {
                double change = score.change().difference();
                body.append("<circle class=\"significant\" cx=\"").append(num(x)).append("\" cy=\"").append(num(yy))
                        .append("\" r=\"8\"/>\n");
                double labelY = change < 0 ? yy + 22 : yy - 13;
                body.append(text(x, labelY, "middle", "change", (change < 0 ? "\u25BC " : "\u25B2 ")
                        + TextSummary.signed(change)));
            }
            body.append("<circle class=\"point\" cx=\"").append(num(x)).append("\" cy=\"").append(num(yy))
                    .append("\" r=\"3.5\"/>\n");
            body.append(text(x, HEIGHT - BOTTOM + 18, "middle", "axis", monthName(score.period())));
        }
        String description = trendDescription(scores, points);
        var rows = new ArrayList<List<String>>();
        for (PeriodScore score : scores) {
            rows.add(List.of(score.period(), String.valueOf(score.n()), value(score.score(), points),
                    TextSummary.interval(score.ci().lower(), score.ci().upper(), points),
                    score.change() == null ? "" : TextSummary.signed(score.change().difference())
                            + (score.significant() ? " (significant)" : "")));
        }
        String table = table(List.of("month", "n", points ? "NPS" : "%", "95% interval", "change"), rows);
        return figure(id, title, description, body.toString(), HEIGHT, caption, table);
    }

    private static String trendDescription(List<PeriodScore> scores, boolean points) {
        if (scores.isEmpty()) {
            return "No answers yet.";
        }
        PeriodScore lowest = scores.get(0);
        PeriodScore highest = scores.get(0);
        var significant = new ArrayList<String>();
        for (PeriodScore score : scores) {
            lowest = score.score() < lowest.score() ? score : lowest;
            highest = score.score() > highest.score() ? score : highest;
            if (score.significant()) {
                significant.add(score.period() + " (" + TextSummary.signed(score.change().difference()) + ")");
            }
        }
        return "Monthly values from " + scores.get(0).period() + " to " + scores.get(scores.size() - 1).period()
                + ", with 95% intervals as a shaded band. Highest " + value(highest.score(), points) + " in "
                + highest.period() + ", lowest " + value(lowest.score(), points) + " in " + lowest.period() + ". "
                + (significant.isEmpty() ? "No month changed significantly."
                : "Significant changes from the month before: " + String.join(", ", significant) + ".");
    }

    /** Horizontal bars of a percentage per segment, each with its 95% interval as a whisker. */
    static String segments(String id, String title, List<SegmentScore> scores, String caption) {
        int rowHeight = 30;
        int height = TOP + scores.size() * rowHeight + BOTTOM;
        int labelWidth = 170;
        Scale x = Scale.horizontal(0, 100, labelWidth, WIDTH - RIGHT - 40);
        var body = new StringBuilder();
        for (int tick = 0; tick <= 100; tick += 20) {
            body.append(line(x.at(tick), TOP - 4, x.at(tick), height - BOTTOM + 4, "grid"));
            body.append(text(x.at(tick), height - BOTTOM + 20, "middle", "axis", tick + "%"));
        }
        var parts = new ArrayList<String>();
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < scores.size(); i++) {
            SegmentScore score = scores.get(i);
            double top = TOP + i * rowHeight + 5;
            double mid = top + 10;
            body.append(text(labelWidth - 8, mid + 4, "end", "label", score.attribute() + ": " + score.value()));
            body.append("<rect class=\"bar\" x=\"").append(num(x.at(0))).append("\" y=\"").append(num(top))
                    .append("\" width=\"").append(num(x.at(score.score()) - x.at(0)))
                    .append("\" height=\"20\"/>\n");
            body.append(line(x.at(score.ci().lower()), mid, x.at(score.ci().upper()), mid, "whisker"));
            body.append(line(x.at(score.ci().lower()), mid - 6, x.at(score.ci().lower()), mid + 6, "whisker"));
            body.append(line(x.at(score.ci().upper()), mid - 6, x.at(score.ci().upper()), mid + 6, "whisker"));
            body.append(text(x.at(Math.max(score.score(), score.ci().upper())) + 6, mid + 4, "start", "value",
                    TextSummary.fixed(score.score()) + "%"));
            parts.add(score.attribute() + " " + score.value() + " " + TextSummary.fixed(score.score()) + "%");
            rows.add(List.of(score.attribute(), score.value(), String.valueOf(score.n()),
                    TextSummary.fixed(score.score()) + "%",
                    TextSummary.interval(score.ci().lower(), score.ci().upper(), false)));
        }
        String description = "Share of satisfied answers per segment over the year, with 95% intervals as "
                + "whiskers: " + String.join("; ", parts) + ".";
        return figure(id, title, description, body.toString(), height, caption,
                table(List.of("attribute", "segment", "n", "satisfied", "95% interval"), rows));
    }

    /** The follow-up funnel: needed an answer, contacted, within the deadline, resolved. */
    static String funnel(String id, FollowUpMetrics metrics, String caption) {
        String[] labels = {"Needed an answer", "Contacted", "Contacted within deadline", "Resolved"};
        long[] counts = {metrics.needed(), metrics.contacted(), metrics.contactedWithinDeadline(),
            metrics.resolved()};
        int rowHeight = 42;
        int height = TOP + labels.length * rowHeight + 12;
        int labelWidth = 200;
        Scale x = Scale.horizontal(0, Math.max(1, metrics.needed()), labelWidth, WIDTH - RIGHT - 110);
        var body = new StringBuilder();
        var parts = new ArrayList<String>();
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < labels.length; i++) {
            double top = TOP + i * rowHeight;
            double width = x.at(counts[i]) - x.at(0);
            double offset = (x.at(metrics.needed()) - x.at(0) - width) / 2;
            String percent = TextSummary.fixed(TextSummary.percent(counts[i], metrics.needed())) + "%";
            body.append(text(labelWidth - 10, top + 20, "end", "label", labels[i]));
            body.append("<rect class=\"funnel step").append(i).append("\" x=\"").append(num(x.at(0) + offset))
                    .append("\" y=\"").append(num(top)).append("\" width=\"").append(num(Math.max(width, 1)))
                    .append("\" height=\"30\" rx=\"3\"/>\n");
            body.append(text(x.at(metrics.needed()) + 10, top + 20, "start", "value",
                    String.format(Locale.ROOT, "%,d (%s)", counts[i], percent)));
            parts.add(labels[i] + " " + counts[i] + " (" + percent + ")");
            rows.add(List.of(labels[i], String.valueOf(counts[i]), percent));
        }
        String description = "Of the follow-ups opened this year: " + String.join(", ", parts)
                + ". Still open: " + metrics.open() + ", of which overdue: " + metrics.overdue() + ".";
        return figure(id, "Follow-up funnel", description, body.toString(), height, caption,
                table(List.of("step", "follow-ups", "of needed"), rows));
    }

    /** SLA compliance by month: bars for first contact within the deadline, a line for any contact. */
    static String sla(String id, Map<String, FollowUpMetrics> byMonth, double target, String caption) {
        Scale y = Scale.vertical(0, 100, TOP, HEIGHT - BOTTOM);
        var body = new StringBuilder();
        grid(body, y, 20, false);
        double band = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, byMonth.size());
        var contacted = new StringBuilder();
        var rows = new ArrayList<List<String>>();
        String worst = null;
        double worstRate = 101;
        int i = 0;
        for (Map.Entry<String, FollowUpMetrics> entry : byMonth.entrySet()) {
            FollowUpMetrics m = entry.getValue();
            double rate = m.withinDeadlinePercent();
            double x = LEFT + i * band;
            body.append("<rect class=\"").append(rate < target ? "bar miss" : "bar").append("\" x=\"")
                    .append(num(x + band * 0.18)).append("\" y=\"").append(num(y.at(rate))).append("\" width=\"")
                    .append(num(band * 0.64)).append("\" height=\"").append(num(y.at(0) - y.at(rate)))
                    .append("\"/>\n");
            body.append(text(x + band / 2, y.at(rate) - 4, "middle", "small", String.format(Locale.ROOT, "%.0f",
                    rate)));
            body.append(text(x + band / 2, HEIGHT - BOTTOM + 18, "middle", "axis", monthName(entry.getKey())));
            contacted.append(num(x + band / 2)).append(',').append(num(y.at(m.contactedPercent()))).append(' ');
            rows.add(List.of(entry.getKey(), String.valueOf(m.needed()), String.valueOf(m.contacted()),
                    String.valueOf(m.contactedWithinDeadline()), TextSummary.fixed(rate) + "%"));
            if (rate < worstRate) {
                worstRate = rate;
                worst = entry.getKey();
            }
            i++;
        }
        body.append("<polyline class=\"series contacted\" points=\"").append(contacted.toString().trim())
                .append("\"/>\n");
        body.append(line(LEFT, y.at(target), WIDTH - RIGHT, y.at(target), "target"));
        String description = "Per month of opening, the share of follow-ups first contacted within their deadline "
                + "(bars) and contacted at all (line), against a target of " + String.format(Locale.ROOT, "%.0f%%",
                target) + "." + (worst == null ? "" : " Lowest: " + TextSummary.fixed(worstRate) + "% in " + worst
                + ".");
        return figure(id, "SLA compliance by month", description, body.toString(), HEIGHT, caption,
                table(List.of("month", "needed", "contacted", "within deadline", "compliance"), rows));
    }

    /** A histogram of counts per bucket. */
    static String histogram(String id, String title, List<Bucket> buckets, String unit, String caption) {
        long most = 1;
        long total = 0;
        for (Bucket bucket : buckets) {
            most = Math.max(most, bucket.count());
            total += bucket.count();
        }
        double top = niceCeiling(most);
        Scale y = Scale.vertical(0, top, TOP, HEIGHT - BOTTOM);
        var body = new StringBuilder();
        grid(body, y, top / 5, false);
        double band = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, buckets.size());
        var parts = new ArrayList<String>();
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            double x = LEFT + i * band;
            body.append("<rect class=\"bar\" x=\"").append(num(x + band * 0.1)).append("\" y=\"")
                    .append(num(y.at(bucket.count()))).append("\" width=\"").append(num(band * 0.8))
                    .append("\" height=\"").append(num(y.at(0) - y.at(bucket.count()))).append("\"/>\n");
            body.append(text(x + band / 2, y.at(bucket.count()) - 4, "middle", "small",
                    String.valueOf(bucket.count())));
            body.append(text(x + band / 2, HEIGHT - BOTTOM + 18, "middle", "axis", bucket.label()));
            String share = TextSummary.fixed(TextSummary.percent(bucket.count(), total)) + "%";
            parts.add(bucket.label() + ": " + bucket.count() + " (" + share + ")");
            rows.add(List.of(bucket.label(), String.valueOf(bucket.count()), share));
        }
        String description = "How many first contacts took how long, in " + unit + ": " + String.join("; ", parts)
                + ".";
        return figure(id, title, description, body.toString(), HEIGHT, caption,
                table(List.of(unit, "follow-ups", "share"), rows));
    }

    /** An HTML table; every cell is escaped. */
    static String table(List<String> header, List<List<String>> rows) {
        var html = new StringBuilder("<table>\n<thead><tr>");
        for (String cell : header) {
            html.append("<th scope=\"col\">").append(escape(cell)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static void grid(StringBuilder body, Scale y, double step, boolean signed) {
        for (double v = y.min(); v <= y.max() + 1e-9; v += step) {
            body.append(line(LEFT, y.at(v), WIDTH - RIGHT, y.at(v), "grid"));
            String label = signed && v > 0 ? "+" + format(v) : format(v);
            body.append(text(LEFT - 6, y.at(v) + 4, "end", "axis", label));
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double niceCeiling(long value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= value) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line class=\"" + cssClass + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2)
                + "\" y2=\"" + num(y2) + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String cssClass, String content) {
        return "<text class=\"" + cssClass + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor
                + "\">" + escape(content) + "</text>\n";
    }

    private static String value(double value, boolean points) {
        return points ? TextSummary.signed(value) : TextSummary.fixed(value) + "%";
    }

    /** The short month name of a period label such as {@code 2025-03}; the label itself if it is no month. */
    static String monthName(String period) {
        if (period.length() == 7 && period.charAt(4) == '-') {
            try {
                return Month.of(Integer.parseInt(period.substring(5))).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            } catch (RuntimeException e) {
                return period;
            }
        }
        return period;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A linear map from data values to SVG coordinates; a y scale maps the maximum to the top. */
    private record Scale(double min, double max, double from, double to, boolean upwards) {

        static Scale vertical(double min, double max, double top, double bottom) {
            return new Scale(min, max, top, bottom, true);
        }

        static Scale horizontal(double min, double max, double left, double right) {
            return new Scale(min, max, left, right, false);
        }

        double at(double value) {
            double clamped = Math.max(min, Math.min(max, value));
            double share = (clamped - min) / (max - min);
            return upwards ? to - share * (to - from) : from + share * (to - from);
        }
    }
}
