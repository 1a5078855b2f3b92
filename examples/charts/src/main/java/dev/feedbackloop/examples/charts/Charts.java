package dev.feedbackloop.examples.charts;

import static dev.feedbackloop.examples.charts.Html.escape;

import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.scoring.Comparison;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG: no script, no fonts or images fetched, readable in any browser and by screen
 * readers. Each chart is a {@code <figure>} holding an {@code <svg role="img">} with an {@code aria-label}, a
 * {@code <title>} and a {@code <desc>} that states what the chart shows in words, axis titles, a caption, and the
 * numbers as a small table. Every text from data is escaped with {@link Html#escape(String)}. A value and its colour
 * are always decided on the same rounded number (one decimal), so a bar labelled 80.0 is never drawn as missing an
 * 80% target. The SVG scales to its column (its width is 100%), so no chart is wider than a phone's screen.
 *
 * <p>Stateless and thread-safe.
 */
public final class Charts {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 66;
    private static final int RIGHT = 14;
    private static final int TOP = 30;
    private static final int BOTTOM = 58;
    private static final int LEGEND = 12;

    private static final String CSS = readCss();

    private Charts() {
    }

    /**
     * The style sheet of the charts' SVG classes; the page that holds the charts defines the colours it uses as
     * custom properties ({@code --ink}, {@code --muted}, {@code --line}, {@code --accent}, {@code --band},
     * {@code --bad}, {@code --good}, {@code --warn}, {@code --info}, {@code --faint}, {@code --paper}).
     *
     * @return the CSS
     */
    public static String css() {
        return CSS;
    }

    private static String readCss() {
        try (InputStream in = Charts.class.getResourceAsStream("charts.css")) {
            if (in == null) {
                throw new IllegalStateException("charts.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chart: its id, title, long description, the SVG body, a caption and a data table. */
    private static String figure(String id, String title, String description, String body, int height, String caption,
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

    /**
     * A monthly trend: the score as a line, its 95% interval as a band, significant changes ringed, a month that is
     * not over drawn hollow with a dashed line and labelled with the days it covers.
     *
     * @param id the figure's element id
     * @param title the title
     * @param scores the score per period, oldest first
     * @param min the lowest value the y axis shows at least
     * @param max the highest value the y axis shows at least
     * @param step the y axis' grid step
     * @param points whether the scores are NPS points (signed) rather than percentages
     * @param yTitle the y axis' title
     * @param timeline the x axis' title and the period not yet over
     * @param caption the caption
     * @return the figure's HTML
     */
    public static String trend(String id, String title, List<PeriodScore> scores, double min, double max,
                               double step, boolean points, String yTitle, Timeline timeline, String caption) {
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
        yTitle(body, yTitle, HEIGHT);
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
            if (!score.partial()) {
                line.append(num(x)).append(',').append(num(y.at(score.score()))).append(' ');
            }
        }
        body.append("<polygon class=\"band\" points=\"").append(upper).append(String.join(" ", lower))
                .append("\"/>\n");
        body.append("<polyline class=\"series\" points=\"").append(line.toString().trim()).append("\"/>\n");
        for (int i = 0; i < scores.size(); i++) {
            PeriodScore score = scores.get(i);
            double x = LEFT + (i + 0.5) * band;
            double yy = y.at(score.score());
            if (score.partial() && i > 0) {
                double previous = y.at(scores.get(i - 1).score());
                body.append(line(x - band, previous, x, yy, "series partial"));
            }
            Comparison comparison = score.change();
            if (comparison != null && comparison.significant()) {
                double change = comparison.difference();
                body.append("<circle class=\"significant\" cx=\"").append(num(x)).append("\" cy=\"").append(num(yy))
                        .append("\" r=\"8\"/>\n");
                body.append(text(x, changeLabelY(yy, change), "middle", "change",
                        (change < 0 ? "\u25BC " : "\u25B2 ") + Figures.signed(change)));
            }
            body.append("<circle class=\"").append(score.partial() ? "point partial" : "point").append("\" cx=\"")
                    .append(num(x)).append("\" cy=\"").append(num(yy)).append("\" r=\"3.5\"/>\n");
            monthLabel(body, x, score.period(), score.partial(), timeline);
        }
        xTitle(body, timeline.axisTitle(), HEIGHT);
        String description = trendDescription(scores, points, timeline);
        var rows = new ArrayList<List<String>>();
        for (PeriodScore score : scores) {
            rows.add(List.of(score.period() + (score.partial() ? " (" + timeline.partialNote() + " only)" : ""),
                    String.valueOf(score.n()), value(score.score(), points),
                    Figures.interval(score.ci().lower(), score.ci().upper(), points),
                    score.change() == null ? "" : Figures.signed(score.change().difference())
                            + (score.significant() ? " (significant)" : "")));
        }
        String table = table(List.of("month", "n", points ? "NPS" : "%", "95% interval", "change"), rows);
        return figure(id, title, description, body.toString(), HEIGHT, caption, table);
    }

    /**
     * Where a significant change's label goes: below a fall and above a rise, unless that side leaves the plot (where
     * the x axis' labels or the chart's top are): then on the other side.
     */
    private static double changeLabelY(double pointY, double change) {
        double below = pointY + 22;
        double above = pointY - 13;
        boolean fitsBelow = below <= HEIGHT - BOTTOM;
        boolean fitsAbove = above >= TOP;
        return change < 0 ? (fitsBelow ? below : above) : (fitsAbove ? above : below);
    }

    private static String trendDescription(List<PeriodScore> scores, boolean points, Timeline timeline) {
        if (scores.isEmpty()) {
            return "No answers yet.";
        }
        PeriodScore lowest = scores.get(0);
        PeriodScore highest = scores.get(0);
        var significant = new ArrayList<String>();
        for (PeriodScore score : scores) {
            lowest = score.score() < lowest.score() ? score : lowest;
            highest = score.score() > highest.score() ? score : highest;
            Comparison change = score.change();
            if (change != null && change.significant()) {
                significant.add(score.period() + " (" + Figures.signed(change.difference()) + ")");
            }
        }
        PeriodScore last = scores.get(scores.size() - 1);
        return "Monthly values from " + scores.get(0).period() + " to " + last.period()
                + ", with 95% intervals as a shaded band. Highest " + value(highest.score(), points) + " in "
                + highest.period() + ", lowest " + value(lowest.score(), points) + " in " + lowest.period() + ". "
                + (significant.isEmpty() ? "No month changed significantly."
                : "Significant changes from the month before: " + String.join(", ", significant) + ".")
                + (last.partial() ? " " + last.period() + " is not over: it covers " + timeline.partialNote()
                + "." : "");
    }

    /**
     * Horizontal bars of a score per segment, each with its 95% interval as a whisker; NPS bars start at zero and
     * may point left.
     *
     * @param id the figure's element id
     * @param title the title
     * @param scores the score per segment
     * @param points whether the scores are NPS points (signed) rather than percentages
     * @param xTitle the x axis' title
     * @param caption the caption
     * @return the figure's HTML
     */
    public static String segments(String id, String title, List<SegmentScore> scores, boolean points, String xTitle,
                           String caption) {
        int rowHeight = 30;
        int top = 12;
        int height = top + scores.size() * rowHeight + 52;
        int labelWidth = 186;
        double min = 0;
        double max = 100;
        if (points) {
            min = -20;
            max = 60;
            for (SegmentScore score : scores) {
                min = Math.min(min, Math.floor(score.ci().lower() / 20) * 20);
                max = Math.max(max, Math.ceil(score.ci().upper() / 20) * 20);
            }
        }
        Scale x = Scale.horizontal(min, max, labelWidth, WIDTH - RIGHT - 56);
        var body = new StringBuilder();
        double bottom = top + scores.size() * rowHeight;
        for (double tick = min; tick <= max + 1e-9; tick += 20) {
            body.append(line(x.at(tick), top - 4, x.at(tick), bottom + 4, tick == 0 && points ? "zero" : "grid"));
            body.append(text(x.at(tick), bottom + 20, "middle", "axis", points ? signedTick(tick)
                    : format(tick) + "%"));
        }
        body.append(text(x.at((min + max) / 2), bottom + 42, "middle", "axis-title", xTitle));
        yTitle(body, "segment", top, bottom);
        var parts = new ArrayList<String>();
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < scores.size(); i++) {
            SegmentScore score = scores.get(i);
            double rowTop = top + i * rowHeight + 5;
            double mid = rowTop + 10;
            double from = Math.min(x.at(0), x.at(score.score()));
            body.append(text(labelWidth - 8, mid + 4, "end", "label", score.attribute() + ": " + score.value()));
            body.append("<rect class=\"bar\" x=\"").append(num(from)).append("\" y=\"").append(num(rowTop))
                    .append("\" width=\"").append(num(Math.abs(x.at(score.score()) - x.at(0))))
                    .append("\" height=\"20\"/>\n");
            whisker(body, x.at(score.ci().lower()), x.at(score.ci().upper()), mid);
            body.append(text(x.at(Math.max(score.score(), score.ci().upper())) + 6, mid + 4, "start", "value",
                    value(score.score(), points)));
            parts.add(score.attribute() + " " + score.value() + " " + value(score.score(), points));
            rows.add(List.of(score.attribute(), score.value(), String.valueOf(score.n()), value(score.score(), points),
                    Figures.interval(score.ci().lower(), score.ci().upper(), points)));
        }
        String description = (points ? "NPS" : "Share of satisfied answers") + " per segment over the year, with "
                + "95% intervals as whiskers: " + String.join("; ", parts) + ".";
        return figure(id, title, description, body.toString(), height, caption,
                table(List.of("attribute", "segment", "n", points ? "NPS" : "satisfied", "95% interval"), rows));
    }

    /**
     * Where the follow-ups stand, as two stacked columns of the same height (every follow-up opened): their state
     * now, in six parts, and their first contact, in three. Parts never overlap, so none is drawn inside another.
     *
     * @param id the figure's element id
     * @param standing where the follow-ups stand
     * @param caption the caption
     * @return the figure's HTML
     */
    public static String standing(String id, Standing standing, String caption) {
        long needed = standing.needed();
        String[] nowLabels = {"resolved", "closed after contact", "closed, never reached", "open, contacted",
            "open, overdue", "open, not yet due"};
        long[] now = {standing.resolved(), standing.closedAfterContact(), standing.closedWithoutContact(),
            standing.awaitingResolution(), standing.overdue(), standing.notYetDue()};
        String[] nowClasses = {"good", "muted", "faint", "info", "bad", "warn"};
        String[] contactLabels = {"within the deadline", "after the deadline", "never contacted"};
        long[] contact = {standing.contactedOnTime(), standing.contactedLate(), standing.notContacted()};
        String[] contactClasses = {"good", "warn", "bad"};
        int height = 320;
        double bottom = height - 40;
        double top = 20;
        double step = niceStep(needed);
        Scale y = Scale.vertical(0, Math.max(1, Math.ceil(needed / step) * step), top, bottom);
        var body = new StringBuilder();
        for (double v = 0; v <= y.max() + 1e-9; v += step) {
            body.append(line(LEFT, y.at(v), LEFT + 8, y.at(v), "grid"));
            body.append(text(LEFT - 6, y.at(v) + 4, "end", "axis", format(v)));
        }
        yTitle(body, "follow-ups", top, bottom);
        var rows = new ArrayList<List<String>>();
        stack(body, y, LEFT + 14, "now", nowLabels, now, nowClasses, needed, rows);
        stack(body, y, LEFT + 14 + 242, "first contact", contactLabels, contact, contactClasses, needed, rows);
        String description = "Of the " + needed + " follow-ups opened this year, now: " + parts(nowLabels, now, needed)
                + ". First contact: " + parts(contactLabels, contact, needed) + ".";
        return figure(id, "Where the follow-ups stand", description, body.toString(), height, caption,
                table(List.of("column", "part", "follow-ups", "share"), rows));
    }

    private static void stack(StringBuilder body, Scale y, double x, String label, String[] labels, long[] counts,
                              String[] classes, long total, List<List<String>> rows) {
        double columnWidth = 62;
        double below = 0;
        for (int i = 0; i < counts.length; i++) {
            double from = y.at(below);
            double to = y.at(below + counts[i]);
            body.append("<rect class=\"part ").append(classes[i]).append("\" x=\"").append(num(x))
                    .append("\" y=\"").append(num(to)).append("\" width=\"").append(num(columnWidth))
                    .append("\" height=\"").append(num(from - to)).append("\"/>\n");
            if (from - to >= 14) {
                body.append(text(x + columnWidth / 2, (from + to) / 2 + 4, "middle", "inside", count(counts[i])));
            }
            below += counts[i];
            double legendY = y.at(y.max()) + i * 34;
            body.append("<rect class=\"part ").append(classes[i]).append("\" x=\"").append(num(x + columnWidth + 10))
                    .append("\" y=\"").append(num(legendY)).append("\" width=\"12\" height=\"12\"/>\n");
            body.append(text(x + columnWidth + 28, legendY + 10, "start", "label", labels[i]));
            String share = Figures.share(counts[i], total);
            body.append(text(x + columnWidth + 28, legendY + 25, "start", "axis", count(counts[i]) + " \u00B7 "
                    + share));
            rows.add(List.of(label, labels[i], String.valueOf(counts[i]), share));
        }
        body.append(text(x + columnWidth / 2, y.at(0) + 20, "middle", "axis", label));
    }

    private static String parts(String[] labels, long[] counts, long total) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < labels.length; i++) {
            parts.add(labels[i] + " " + counts[i] + " (" + Figures.share(counts[i], total) + ")");
        }
        return String.join(", ", parts);
    }

    /**
     * On time by month of opening: a bar per month for first contact within the deadline, red when under the
     * target, a dotted line for contact at all, a dashed line for the target. A month that is not over has a
     * dashed outline and says which days it covers.
     *
     * @param id the figure's element id
     * @param title the title, such as {@code On time, by month}
     * @param byMonth the follow-up metrics per period label, oldest first
     * @param target the on-time target, in percent
     * @param timeline the x axis' title and the period not yet over
     * @param caption the caption
     * @return the figure's HTML
     */
    public static String sla(String id, String title, Map<String, FollowUpMetrics> byMonth, double target,
                             Timeline timeline, String caption) {
        // the legend takes the chart's top row, so the 100% line and the label above a full bar start lower
        Scale y = Scale.vertical(0, 100, TOP + LEGEND, HEIGHT - BOTTOM);
        var body = new StringBuilder();
        grid(body, y, 20, false);
        yTitle(body, "% contacted on time", TOP + LEGEND, HEIGHT - BOTTOM);
        legend(body, List.of(new String[] {"bar", "on time"}, new String[] {"bar miss", "under target"},
                new String[] {"series contacted", "contacted at all"}, new String[] {"target",
                    "target " + format(target) + "%"}));
        double band = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, byMonth.size());
        var contacted = new StringBuilder();
        var rows = new ArrayList<List<String>>();
        String worst = null;
        double worstRate = 101;
        int i = 0;
        for (Map.Entry<String, FollowUpMetrics> entry : byMonth.entrySet()) {
            FollowUpMetrics m = entry.getValue();
            double rate = oneDecimal(m.withinDeadlinePercent());
            boolean partial = timeline.isPartial(entry.getKey());
            double x = LEFT + i * band;
            body.append("<rect class=\"bar").append(rate < target ? " miss" : "").append(partial ? " partial" : "")
                    .append("\" x=\"").append(num(x + band * 0.16)).append("\" y=\"").append(num(y.at(rate)))
                    .append("\" width=\"").append(num(band * 0.68)).append("\" height=\"")
                    .append(num(y.at(0) - y.at(rate))).append("\"/>\n");
            body.append(text(x + band / 2, y.at(rate) - 4, "middle", "small", Figures.fixed(rate)));
            monthLabel(body, x + band / 2, entry.getKey(), partial, timeline);
            contacted.append(num(x + band / 2)).append(',').append(num(y.at(m.contactedPercent()))).append(' ');
            rows.add(List.of(entry.getKey() + (partial ? " (" + timeline.partialNote() + " only)" : ""),
                    String.valueOf(m.needed()), String.valueOf(m.contacted()),
                    String.valueOf(m.contactedWithinDeadline()), Figures.fixed(rate) + "%"));
            if (rate < worstRate) {
                worstRate = rate;
                worst = entry.getKey();
            }
            i++;
        }
        body.append("<polyline class=\"series contacted\" points=\"").append(contacted.toString().trim())
                .append("\"/>\n");
        body.append(line(LEFT, y.at(target), WIDTH - RIGHT, y.at(target), "target"));
        xTitle(body, timeline.axisTitle(), HEIGHT);
        String description = "Per " + timeline.axisTitle() + ", the share of follow-ups first contacted within their "
                + "deadline (bars) and contacted at all (dotted line), against a target of " + format(target) + "%."
                + (worst == null ? "" : " Lowest: " + Figures.fixed(worstRate) + "% in " + worst + ".");
        return figure(id, title, description, body.toString(), HEIGHT, caption,
                table(List.of("month", "needed", "contacted", "on time", "on-time rate"), rows));
    }

    /**
     * On time per owner: a horizontal bar per owner, red when under the target, with the target as a line.
     *
     * @param id the figure's element id
     * @param byOwner the follow-up metrics per owner
     * @param target the on-time target, in percent
     * @param caption the caption
     * @return the figure's HTML
     */
    public static String owners(String id, Map<String, FollowUpMetrics> byOwner, double target, String caption) {
        int rowHeight = 30;
        int top = 12;
        double bottom = top + byOwner.size() * rowHeight;
        int height = (int) bottom + 52;
        int labelWidth = 150;
        Scale x = Scale.horizontal(0, 100, labelWidth, WIDTH - RIGHT - 96);
        var body = new StringBuilder();
        for (int tick = 0; tick <= 100; tick += 20) {
            body.append(line(x.at(tick), top - 4, x.at(tick), bottom + 4, "grid"));
            body.append(text(x.at(tick), bottom + 20, "middle", "axis", tick + "%"));
        }
        body.append(text(x.at(50), bottom + 42, "middle", "axis-title", "% first contacted within the deadline"));
        yTitle(body, "owner", top, bottom);
        var parts = new ArrayList<String>();
        var rows = new ArrayList<List<String>>();
        int i = 0;
        for (Map.Entry<String, FollowUpMetrics> entry : byOwner.entrySet()) {
            FollowUpMetrics m = entry.getValue();
            double rate = oneDecimal(m.withinDeadlinePercent());
            double rowTop = top + i * rowHeight + 5;
            body.append(text(labelWidth - 8, rowTop + 14, "end", "label", entry.getKey()));
            body.append("<rect class=\"bar").append(rate < target ? " miss" : "").append("\" x=\"")
                    .append(num(x.at(0))).append("\" y=\"").append(num(rowTop)).append("\" width=\"")
                    .append(num(x.at(rate) - x.at(0))).append("\" height=\"20\"/>\n");
            body.append(text(x.at(rate) + 6, rowTop + 14, "start", "value", Figures.fixed(rate) + "% of "
                    + m.needed()));
            parts.add(entry.getKey() + " " + Figures.fixed(rate) + "% of " + m.needed());
            rows.add(List.of(entry.getKey(), String.valueOf(m.needed()), String.valueOf(m.contactedWithinDeadline()),
                    Figures.fixed(rate) + "%", String.valueOf(m.overdue())));
            i++;
        }
        body.append(line(x.at(target), top - 8, x.at(target), bottom + 4, "target"));
        String description = "Per owner, the share of their follow-ups first contacted within the deadline, against "
                + "a target of " + format(target) + "%: " + String.join("; ", parts) + ".";
        return figure(id, "On time, by owner", description, body.toString(), height, caption,
                table(List.of("owner", "needed", "on time", "on-time rate", "overdue now"), rows));
    }

    /**
     * A histogram of counts per bucket.
     *
     * @param id the figure's element id
     * @param title the title
     * @param buckets the bars, left to right
     * @param xTitle the x axis' title, which also names the unit in the description
     * @param caption the caption
     * @return the figure's HTML
     */
    public static String histogram(String id, String title, List<Bucket> buckets, String xTitle, String caption) {
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
        yTitle(body, "follow-ups", HEIGHT);
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
            String share = Figures.share(bucket.count(), total);
            parts.add(bucket.label() + ": " + bucket.count() + " (" + share + ")");
            rows.add(List.of(bucket.label(), String.valueOf(bucket.count()), share));
        }
        xTitle(body, xTitle, HEIGHT);
        String description = "How many first contacts took how long, in " + xTitle + ": " + String.join("; ", parts)
                + ".";
        return figure(id, title, description, body.toString(), HEIGHT, caption,
                table(List.of(xTitle, "follow-ups", "share"), rows));
    }

    /**
     * An HTML table; every cell is escaped.
     *
     * @param header the column names
     * @param rows the rows, each a list of cells
     * @return the table's HTML
     */
    public static String table(List<String> header, List<List<String>> rows) {
        return table(header, List.of(), rows);
    }

    /**
     * An HTML table whose cells in column {@code i} carry the CSS class {@code classes.get(i)} (none when the list
     * is shorter or the class is empty) and their column's name as {@code data-label}, so that a narrow screen can
     * show each row as a card of labelled values; every cell, class and label is escaped.
     *
     * @param header the column names
     * @param classes the CSS class of each column's cells, or empty strings
     * @param rows the rows, each a list of cells
     * @return the table's HTML
     */
    public static String table(List<String> header, List<String> classes, List<List<String>> rows) {
        var html = new StringBuilder("<div class=\"table\"><table>\n<thead><tr>");
        for (int i = 0; i < header.size(); i++) {
            html.append("<th scope=\"col\"").append(classAttribute(classes, i)).append('>')
                    .append(escape(header.get(i))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append("<td").append(classAttribute(classes, i));
                if (i < header.size()) {
                    html.append(" data-label=\"").append(escape(header.get(i))).append('"');
                }
                html.append('>').append(escape(row.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table></div>\n").toString();
    }

    private static String classAttribute(List<String> classes, int column) {
        return column < classes.size() && !classes.get(column).isEmpty()
                ? " class=\"" + escape(classes.get(column)) + "\"" : "";
    }

    /**
     * A value rounded to one decimal, the precision every chart label shows.
     *
     * @param value the value
     * @return the rounded value
     */
    public static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void grid(StringBuilder body, Scale y, double step, boolean signed) {
        for (double v = y.min(); v <= y.max() + 1e-9; v += step) {
            body.append(line(LEFT, y.at(v), WIDTH - RIGHT, y.at(v), "grid"));
            body.append(text(LEFT - 6, y.at(v) + 4, "end", "axis", signed ? signedTick(v) : format(v)));
        }
    }

    private static void yTitle(StringBuilder body, String title, int height) {
        yTitle(body, title, TOP, height - BOTTOM);
    }

    private static void yTitle(StringBuilder body, String title, double top, double bottom) {
        double middle = (top + bottom) / 2;
        body.append("<text class=\"axis-title\" x=\"").append(num(14)).append("\" y=\"").append(num(middle))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ").append(num(middle)).append(")\">")
                .append(escape(title)).append("</text>\n");
    }

    private static void xTitle(StringBuilder body, String title, int height) {
        body.append(text((LEFT + WIDTH - RIGHT) / 2.0, height - 8, "middle", "axis-title", title));
    }

    private static void monthLabel(StringBuilder body, double x, String period, boolean partial, Timeline timeline) {
        body.append(text(x, HEIGHT - BOTTOM + 18, "middle", "axis", monthName(period)));
        if (partial) {
            body.append(text(x, HEIGHT - BOTTOM + 31, "middle", "axis partial-note",
                    timeline.partialNote()));
        }
    }

    private static void legend(StringBuilder body, List<String[]> items) {
        double x = LEFT;
        for (String[] item : items) {
            String cssClass = item[0];
            if (cssClass.startsWith("bar")) {
                body.append("<rect class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"6\" ")
                        .append("width=\"12\" height=\"12\"/>\n");
            } else {
                body.append(line(x, 12, x + 16, 12, cssClass));
            }
            body.append(text(x + 20, 16, "start", "axis", item[1]));
            x += 30 + item[1].length() * 7.2;
        }
    }

    private static void whisker(StringBuilder body, double from, double to, double y) {
        body.append(line(from, y, to, y, "whisker"));
        body.append(line(from, y - 6, from, y + 6, "whisker"));
        body.append(line(to, y - 6, to, y + 6, "whisker"));
    }

    private static String signedTick(double v) {
        return v > 0 ? "+" + format(v) : format(v);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
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

    /** A round step that cuts {@code 0..value} into four to ten parts. */
    private static double niceStep(long value) {
        return niceCeiling(Math.max(1, value)) / 5;
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
        return points ? Figures.signed(value) : Figures.fixed(value) + "%";
    }

    /**
     * The short month name of a period label such as {@code 2025-03}; the label itself if it is no month.
     *
     * @param period the period label
     * @return the month's short English name, or the label
     */
    public static String monthName(String period) {
        try {
            return YearMonth.parse(period).getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        } catch (RuntimeException e) {
            return period;
        }
    }

    /**
     * The full month name of a period label such as {@code 2025-03}; the label itself if it is no month.
     *
     * @param period the period label
     * @return the month's full English name, or the label
     */
    public static String fullMonthName(String period) {
        try {
            Month month = YearMonth.parse(period).getMonth();
            return month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        } catch (RuntimeException e) {
            return period;
        }
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
