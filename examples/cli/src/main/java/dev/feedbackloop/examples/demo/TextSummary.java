package dev.feedbackloop.examples.demo;

import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.examples.charts.Bucket;
import dev.feedbackloop.examples.charts.Charts;
import dev.feedbackloop.examples.charts.Figures;
import dev.feedbackloop.examples.charts.PeriodScore;
import dev.feedbackloop.examples.charts.SegmentScore;
import dev.feedbackloop.examples.charts.Standing;
import dev.feedbackloop.examples.charts.Timeline;
import dev.feedbackloop.examples.demo.Findings.Alerts;
import dev.feedbackloop.examples.demo.Findings.CustomerLine;
import dev.feedbackloop.examples.demo.Findings.OverdueItem;
import dev.feedbackloop.examples.demo.Findings.TierLine;
import dev.feedbackloop.examples.text.Table;
import dev.feedbackloop.scoring.loop.DurationSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Prints {@link Findings} for people: the few tables a customer-success lead reads in the morning, what needs action
 * first at the top. Plain text; no cell is cut (columns are as wide as their widest cell) and every line but the
 * database's and the report's (which hold paths) fits in 100 columns.
 *
 * <p>Stateless and thread-safe.
 */
final class TextSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(Scenario.ZONE);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(Scenario.ZONE);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
            .withZone(Scenario.ZONE);
    /** How many overdue follow-ups and customers the summary lists; the report lists them all. */
    static final int LIST_LIMIT = 10;

    private TextSummary() {
    }

    static void print(Findings findings, PrintWriter out) {
        out.println("Feedback Loop demo: a year of customer feedback, as of " + MOMENT.format(findings.asOf()) + " "
                + Scenario.ZONE);
        out.println("Database: " + findings.database());
        FollowUpMetrics funnel = findings.funnel();
        out.printf(Locale.ROOT, "Captured %,d responses from %,d customers; %,d follow-ups opened by %d policies.%n",
                findings.responses(), findings.customers(), funnel.needed(), findings.byPolicy().size());
        overdue(out, findings.overdue());
        scores(out, findings);
        followUps(out, findings);
        coverage(out, findings);
    }

    private static void overdue(PrintWriter out, List<OverdueItem> overdue) {
        section(out, "Needs action first: " + overdue.size() + " follow-up(s) past their first-contact deadline, "
                + "most urgent first" + (overdue.size() > LIST_LIMIT ? " (" + LIST_LIMIT + " shown)" : ""));
        var table = Table.indented(2).left("priority").right("late by").left("opened").left("customer")
                .left("answered").left("owner");
        for (OverdueItem item : overdue.subList(0, Math.min(LIST_LIMIT, overdue.size()))) {
            table.row(item.priority().name(), days(item.overdueBy()), day(item.openedAt()), item.customer(),
                    item.rating(), item.owner());
        }
        table.print(out);
        if (overdue.size() > LIST_LIMIT) {
            out.println("  ... and " + (overdue.size() - LIST_LIMIT) + " more, with what each customer wrote, in "
                    + "the report");
        }
    }

    private static void scores(PrintWriter out, Findings findings) {
        section(out, "NPS by month (relationship survey; 95% interval; * = significant change)");
        trend(out, findings.npsByMonth(), "NPS", true);
        section(out, "CSAT by month (post-support, % satisfied = 4 or 5 of 5)");
        trend(out, findings.csatByMonth(), "CSAT %", false);
        section(out, "CES by month (% agreeing it was easy = 5 to 7 of 7)");
        trend(out, findings.cesByMonth(), "easy %", false);

        section(out, "By segment, whole year");
        var table = Table.indented(2).left("segment").right("NPS n").right("NPS").left("95% interval")
                .right("CSAT n").right("CSAT %").left("95% interval");
        for (SegmentScore nps : findings.npsBySegment()) {
            SegmentScore csat = findings.csatBySegment().stream()
                    .filter(s -> s.attribute().equals(nps.attribute()) && s.value().equals(nps.value()))
                    .findFirst().orElse(null);
            table.row(nps.attribute() + " = " + nps.value(), String.valueOf(nps.n()), signed(nps.score()),
                    interval(nps.ci().lower(), nps.ci().upper(), true),
                    csat == null ? "" : String.valueOf(csat.n()), csat == null ? "" : fixed(csat.score()),
                    csat == null ? "" : interval(csat.ci().lower(), csat.ci().upper(), false));
        }
        table.print(out);
    }

    private static void followUps(PrintWriter out, Findings findings) {
        Standing standing = findings.standing();
        long needed = standing.needed();
        section(out, "Did we respond? " + needed + " follow-ups opened this year");
        Table.indented(2).left("where they stand now").right("follow-ups").right("share")
                .row("resolved", count(standing.resolved()), share(standing.resolved(), needed))
                .row("closed unresolved, after contact", count(standing.closedAfterContact()),
                        share(standing.closedAfterContact(), needed))
                .row("closed unresolved, never reached", count(standing.closedWithoutContact()),
                        share(standing.closedWithoutContact(), needed))
                .row("still open, contacted", count(standing.awaitingResolution()),
                        share(standing.awaitingResolution(), needed))
                .row("still open, not contacted, overdue", count(standing.overdue()),
                        share(standing.overdue(), needed))
                .row("still open, not contacted, not yet due", count(standing.notYetDue()),
                        share(standing.notYetDue(), needed))
                .print(out);
        out.println();
        Table.indented(2).left("first contact").right("follow-ups").right("share")
                .row("within the deadline", count(standing.contactedOnTime()),
                        share(standing.contactedOnTime(), needed))
                .row("after the deadline", count(standing.contactedLate()), share(standing.contactedLate(), needed))
                .row("never", count(standing.notContacted()), share(standing.notContacted(), needed))
                .print(out);
        out.println();
        DurationSummary working = findings.workingHoursToFirstContact();
        DurationSummary wall = findings.funnel().timeToFirstContact();
        if (working != null && wall != null) {
            out.printf(Locale.ROOT, "  Time to first contact in working hours (Mon-Fri 09:00-17:00): median %s, 90th "
                    + "percentile %s%n", hours(working.median()), hours(working.p90()));
            out.printf(Locale.ROOT, "  The same on the clock, nights and weekends included: median %s, 90th "
                    + "percentile %s%n", hours(wall.median()), hours(wall.p90()));
        }
        List<String> alerts = alerts(findings.alerts());
        out.println("  " + alerts.get(0) + ", " + alerts.get(1));
        alerts.subList(2, alerts.size()).forEach(detail -> out.println("    " + detail));
        out.println("  Waiting for a first contact, deadline still ahead: " + waiting(standing));

        section(out, "On time by policy and by owner (first contact within the deadline)");
        var byWhat = Table.indented(2).left("policy or owner").right("needed").right("contacted").right("on time")
                .right("resolved").right("overdue now");
        addMetrics(byWhat, findings.byPolicy(), "policy ");
        addMetrics(byWhat, findings.byOwner(), "owner ");
        byWhat.print(out);

        section(out, "On time by month of opening (target " + fixed(HtmlReport.SLA_TARGET) + "%)");
        var sla = Table.indented(2).left("month").right("on time").left("").right("needed").right("contacted")
                .left("note");
        for (Map.Entry<String, FollowUpMetrics> entry : findings.slaByMonth().entrySet()) {
            FollowUpMetrics m = entry.getValue();
            double rate = Charts.oneDecimal(m.withinDeadlinePercent());
            var notes = new ArrayList<String>();
            if (rate < HtmlReport.SLA_TARGET) {
                notes.add("below target");
            }
            if (isPartial(entry.getKey())) {
                notes.add("partial: " + partialDays() + " only");
            }
            sla.row(entry.getKey(), fixed(rate) + "%", "#".repeat((int) Math.round(rate / 5)),
                    String.valueOf(m.needed()), String.valueOf(m.contacted()), String.join("; ", notes));
        }
        sla.print(out);

        section(out, "Time to first contact, in working hours (Mon-Fri 09:00-17:00, holidays off)");
        long most = findings.timeToFirstContact().stream().mapToLong(Bucket::count).max().orElse(1);
        var histogram = Table.indented(2).left("working hours").right("follow-ups").left("");
        for (Bucket bucket : findings.timeToFirstContact()) {
            histogram.row(bucket.label(), String.valueOf(bucket.count()),
                    "#".repeat((int) Math.round(40.0 * bucket.count() / Math.max(1, most))));
        }
        histogram.print(out);
    }

    private static void addMetrics(Table table, Map<String, FollowUpMetrics> metrics, String prefix) {
        for (Map.Entry<String, FollowUpMetrics> entry : metrics.entrySet()) {
            FollowUpMetrics m = entry.getValue();
            table.row(prefix + entry.getKey(), String.valueOf(m.needed()), percent(m.contactedPercent()),
                    percent(m.withinDeadlinePercent()), percent(percent(m.resolved(), m.needed())),
                    String.valueOf(m.overdue()));
        }
    }

    private static void coverage(PrintWriter out, Findings findings) {
        section(out, "Care plan: who was in touch within their tier's cadence?");
        var table = Table.indented(2).left("tier").right("customers").right("cadence").right("any touch")
                .right("called").right("never answered a survey");
        for (TierLine tier : findings.tiers()) {
            table.row(tier.tier(), String.valueOf(tier.customers()), tier.cadenceDays() + " days",
                    tier.inTouch() + " (" + percent(percent(tier.inTouch(), tier.customers())) + ")",
                    tier.called() + " (" + percent(percent(tier.called(), tier.customers())) + ")",
                    String.valueOf(tier.neverAnswered()));
        }
        table.print(out);
        out.println("  any touch: a survey answer, call, meeting, message or follow-up contact;");
        out.println("  called: a person reached out (call, meeting, message or follow-up contact).");

        List<CustomerLine> strategic = findings.strategicWithoutCall();
        long cadence = findings.tiers().stream().filter(t -> t.tier().equals(Scenario.STRATEGIC))
                .mapToLong(TierLine::cadenceDays).findFirst().orElse(0);
        section(out, "Strategic customers nobody called within their " + cadence + " days: " + strategic.size());
        customers(out, strategic);
        section(out, "Customers who never answered a survey: " + findings.neverAnswered().size());
        customers(out, findings.neverAnswered());
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println(title);
    }

    private static void trend(PrintWriter out, List<PeriodScore> scores, String name, boolean points) {
        var table = Table.indented(2).left("month").right("n").right(name).left("95% interval").left("change");
        for (PeriodScore score : scores) {
            String change = score.change() == null || !score.change().isDefined() ? ""
                    : signed(score.change().difference()) + (score.significant() ? " *" : "");
            if (score.partial()) {
                change += (change.isEmpty() ? "" : "  ") + "partial: " + partialDays() + " only";
            }
            table.row(score.period(), String.valueOf(score.n()), points ? signed(score.score()) : fixed(score.score()),
                    interval(score.ci().lower(), score.ci().upper(), points), change);
        }
        table.print(out);
    }

    private static void customers(PrintWriter out, List<CustomerLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var table = Table.indented(2).left("id").left("customer").left("tier").left("account manager")
                .left("last call or meeting");
        for (CustomerLine line : lines.subList(0, Math.min(LIST_LIMIT, lines.size()))) {
            table.row(line.id(), line.name(), line.tier(), line.owner().isEmpty() ? "-" : line.owner(),
                    lastCall(line.lastCall()));
        }
        table.print(out);
        if (lines.size() > LIST_LIMIT) {
            out.println("  ... and " + (lines.size() - LIST_LIMIT) + " more in the report");
        }
    }

    /** The escalations, each figure named: the first part is the headline, each further part a detail. */
    static List<String> alerts(Alerts alerts) {
        var parts = new ArrayList<String>();
        parts.add(String.format(Locale.ROOT, "Deadline alerts (escalations): %,d, on %,d follow-ups",
                alerts.alerts(), alerts.followUps()));
        parts.add(alerts.resolution() == 0 ? "all for a missed first-contact deadline"
                : String.format(Locale.ROOT, "%,d for a missed first contact and %,d for a missed resolution",
                        alerts.firstContact(), alerts.resolution()));
        alerts.beyondOwner().forEach((to, n) -> parts.add(n + " of them went past the owner to " + to));
        return parts;
    }

    /** The follow-ups waiting for a first contact whose deadline is still ahead, named. */
    static String waiting(Standing standing) {
        return standing.notYetDue() == 0 || standing.nextDue() == null ? "none"
                : standing.notYetDue() + ", the next due " + MOMENT.format(standing.nextDue());
    }

    /** Whether a period label is the month that the report's instant cuts short. */
    static boolean isPartial(String period) {
        try {
            return Scenario.isCutShort(YearMonth.parse(period));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The days that the month cut short by the report's instant covers, such as {@code 1-12 Dec}. */
    static String partialDays() {
        return "1\u2013" + SHORT_DAY.format(Scenario.END);
    }

    static String lastCall(@Nullable Instant at) {
        return at == null ? "never" : DAY.format(at);
    }

    static String day(Instant at) {
        return DAY.format(at);
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String share(long count, long of) {
        return Figures.share(count, of);
    }

    static String percent(double value) {
        return fixed(value) + "%";
    }

    static String signed(double value) {
        return Figures.signed(value);
    }

    static String fixed(double value) {
        return Figures.fixed(value);
    }

    static String interval(double lower, double upper, boolean points) {
        return Figures.interval(lower, upper, points);
    }

    static double percent(long count, long of) {
        return Figures.percent(count, of);
    }

    /**
     * The time axis of a chart by month of the demo's year, the month that {@link Scenario#END} cuts short marked.
     *
     * @param axisTitle the axis title
     * @return the timeline
     */
    static Timeline months(String axisTitle) {
        YearMonth last = YearMonth.from(Scenario.END.atZone(Scenario.ZONE));
        return new Timeline(axisTitle, Scenario.isCutShort(last) ? Set.of(last.toString()) : Set.of(), partialDays());
    }

    static String hours(Duration duration) {
        return String.format(Locale.ROOT, "%.1f h", DurationSummary.hours(duration));
    }

    static String days(Duration duration) {
        long hours = duration.toHours();
        return hours < 48 ? hours + " h" : (hours / 24) + " days";
    }
}
