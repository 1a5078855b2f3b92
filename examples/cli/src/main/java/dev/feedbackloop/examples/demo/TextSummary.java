package dev.feedbackloop.examples.demo;

import dev.feedbackloop.core.care.CareReport;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.examples.demo.Findings.CustomerLine;
import dev.feedbackloop.examples.demo.Findings.OverdueItem;
import dev.feedbackloop.examples.demo.Findings.PeriodScore;
import dev.feedbackloop.examples.demo.Findings.SegmentScore;
import dev.feedbackloop.scoring.loop.DurationSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints {@link Findings} for people: the few tables a customer-success lead reads in the morning. Plain text,
 * at most 100 columns.
 *
 * <p>Stateless and thread-safe.
 */
final class TextSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(Scenario.ZONE);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(Scenario.ZONE);
    private static final int LIST_LIMIT = 10;

    private TextSummary() {
    }

    static void print(Findings findings, PrintWriter out) {
        out.println("Feedback Loop demo: a year of customer feedback, as of " + MOMENT.format(findings.asOf()) + " "
                + Scenario.ZONE);
        out.println("Database: " + findings.database());
        FollowUpMetrics funnel = findings.funnel();
        out.printf(Locale.ROOT, "Captured %,d responses from %,d customers; %,d follow-ups opened by %d policies.%n",
                findings.responses(), findings.customers(), funnel.needed(), findings.byPolicy().size());

        section(out, "NPS by month (relationship survey; 95% interval; * = significant change)");
        trend(out, findings.npsByMonth(), "NPS", true);
        section(out, "CSAT by month (post-support, % satisfied = 4 or 5 of 5)");
        trend(out, findings.csatByMonth(), "CSAT%", false);
        section(out, "CES by month (% agreeing it was easy = 5 to 7 of 7)");
        trend(out, findings.cesByMonth(), "easy%", false);

        section(out, "By segment, whole year");
        out.printf(Locale.ROOT, "  %-26s %6s %7s %-16s %6s %6s %-14s%n", "segment", "n", "NPS", "95% CI", "n",
                "CSAT%", "95% CI");
        for (SegmentScore nps : findings.npsBySegment()) {
            SegmentScore csat = findings.csatBySegment().stream()
                    .filter(s -> s.attribute().equals(nps.attribute()) && s.value().equals(nps.value()))
                    .findFirst().orElse(null);
            out.printf(Locale.ROOT, "  %-26s %6d %7s %-16s %6s %6s %-14s%n", nps.attribute() + " = " + nps.value(),
                    nps.n(), signed(nps.score()), interval(nps.ci().lower(), nps.ci().upper(), true),
                    csat == null ? "" : String.valueOf(csat.n()), csat == null ? "" : fixed(csat.score()),
                    csat == null ? "" : interval(csat.ci().lower(), csat.ci().upper(), false));
        }

        section(out, "Did we respond? Follow-ups opened this year");
        funnelLine(out, "needed an answer", funnel.needed(), funnel.needed());
        funnelLine(out, "contacted", funnel.contacted(), funnel.needed());
        funnelLine(out, "  within deadline", funnel.contactedWithinDeadline(), funnel.needed());
        funnelLine(out, "resolved", funnel.resolved(), funnel.needed());
        funnelLine(out, "closed unresolved", funnel.closed(), funnel.needed());
        funnelLine(out, "still open", funnel.open(), funnel.needed());
        funnelLine(out, "  overdue now", funnel.overdue(), funnel.needed());
        DurationSummary toContact = funnel.timeToFirstContact();
        if (toContact != null) {
            out.printf(Locale.ROOT, "  time to first contact (wall-clock): median %s, 90th percentile %s%n",
                    hours(toContact.median()), hours(toContact.p90()));
        }
        out.printf(Locale.ROOT, "  escalations raised: %,d; first contact due within 24 h: %,d%n",
                findings.escalations(), findings.dueSoon());
        out.println();
        out.printf(Locale.ROOT, "  %-22s %7s %10s %10s %9s %8s%n", "policy", "needed", "contacted", "on time",
                "resolved", "overdue");
        for (Map.Entry<String, FollowUpMetrics> entry : findings.byPolicy().entrySet()) {
            FollowUpMetrics m = entry.getValue();
            out.printf(Locale.ROOT, "  %-22s %7d %9.1f%% %9.1f%% %8.1f%% %8d%n", entry.getKey(), m.needed(),
                    m.contactedPercent(), m.withinDeadlinePercent(), percent(m.resolved(), m.needed()), m.overdue());
        }

        section(out, "SLA compliance by month of opening (first contact within the deadline)");
        for (Map.Entry<String, FollowUpMetrics> entry : findings.slaByMonth().entrySet()) {
            FollowUpMetrics m = entry.getValue();
            double rate = m.withinDeadlinePercent();
            out.printf(Locale.ROOT, "  %s %5.1f%% %-40s %4d needed, %4d contacted%n", entry.getKey(), rate,
                    "#".repeat((int) Math.round(rate / 2.5)), m.needed(), m.contacted());
        }

        section(out, "Time to first contact (working hours)");
        long most = findings.timeToFirstContact().stream().mapToLong(Findings.Bucket::count).max().orElse(1);
        for (Findings.Bucket bucket : findings.timeToFirstContact()) {
            out.printf(Locale.ROOT, "  %-8s %5d %s%n", bucket.label(), bucket.count(),
                    "#".repeat((int) Math.round(40.0 * bucket.count() / Math.max(1, most))));
        }

        List<OverdueItem> overdue = findings.overdue();
        section(out, "Overdue now: " + overdue.size() + " follow-up(s) past their first-contact deadline"
                + (overdue.size() > LIST_LIMIT ? " (most overdue " + LIST_LIMIT + " shown)" : ""));
        for (OverdueItem item : overdue.subList(0, Math.min(LIST_LIMIT, overdue.size()))) {
            out.printf(Locale.ROOT, "  %-7s %-24s %-12s %-30s opened %s, %s late%n", item.priority(),
                    cut(item.customer(), 24), cut(item.owner(), 12), cut(item.reason(), 30),
                    DAY.format(item.openedAt()), days(item.overdueBy()));
        }

        section(out, "Care plan coverage (any contact, survey answers included, within the tier's cadence)");
        for (CareReport.TierCoverage tier : findings.tiers()) {
            out.printf(Locale.ROOT, "  %-10s %4d customers, %5.1f%% covered, %3d due for contact, %3d never heard"
                    + " from%n", tier.tier(), tier.customers(), tier.coveragePercent(), tier.overdue(),
                    tier.neverHeardFrom());
        }

        section(out, "Strategic customers with no call, meeting or follow-up since "
                + Scenario.QUARTER_START + ": " + findings.strategicNotContacted().size());
        customers(out, findings.strategicNotContacted());
        section(out, "Customers never heard from (no survey answered): " + findings.neverHeardFrom().size());
        customers(out, findings.neverHeardFrom());
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println(title);
    }

    private static void trend(PrintWriter out, List<PeriodScore> scores, String name, boolean points) {
        out.printf(Locale.ROOT, "  %-8s %6s %7s %-16s %s%n", "month", "n", name, "95% CI", "change");
        for (PeriodScore score : scores) {
            String change = score.change() == null || !score.change().isDefined() ? ""
                    : signed(score.change().difference()) + (score.significant() ? " *" : "");
            out.printf(Locale.ROOT, "  %-8s %6d %7s %-16s %s%n", score.period(), score.n(),
                    points ? signed(score.score()) : fixed(score.score()),
                    interval(score.ci().lower(), score.ci().upper(), points), change);
        }
    }

    private static void funnelLine(PrintWriter out, String label, long count, long of) {
        out.printf(Locale.ROOT, "  %-20s %6d %6.1f%%%n", label, count, percent(count, of));
    }

    private static void customers(PrintWriter out, List<CustomerLine> lines) {
        for (CustomerLine line : lines.subList(0, Math.min(LIST_LIMIT, lines.size()))) {
            out.printf(Locale.ROOT, "  %-6s %-26s %-9s %-12s last contact %s%n", line.id(), cut(line.name(), 26),
                    line.tier(), line.owner().isEmpty() ? "-" : line.owner(), lastContact(line.lastContact()));
        }
        if (lines.size() > LIST_LIMIT) {
            out.println("  ... and " + (lines.size() - LIST_LIMIT) + " more (see the report)");
        }
    }

    static String lastContact(@org.jspecify.annotations.Nullable Instant at) {
        return at == null ? "never" : DAY.format(at);
    }

    static String day(Instant at) {
        return DAY.format(at);
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.1f", value);
    }

    static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String interval(double lower, double upper, boolean points) {
        return points ? "[" + signed(lower) + ", " + signed(upper) + "]"
                : "[" + fixed(lower) + ", " + fixed(upper) + "]";
    }

    static double percent(long count, long of) {
        return of == 0 ? 0 : 100.0 * count / of;
    }

    static String hours(Duration duration) {
        return String.format(Locale.ROOT, "%.1f h", DurationSummary.hours(duration));
    }

    static String days(Duration duration) {
        long hours = duration.toHours();
        return hours < 48 ? hours + " h" : (hours / 24) + " days";
    }

    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "\u2026";
    }
}
