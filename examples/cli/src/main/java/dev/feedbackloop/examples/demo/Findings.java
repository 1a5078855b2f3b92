package dev.feedbackloop.examples.demo;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.care.CareReport;
import dev.feedbackloop.core.care.CustomerStatus;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.examples.demo.Scenario.DemoCustomer;
import dev.feedbackloop.scoring.CesScore;
import dev.feedbackloop.scoring.Comparison;
import dev.feedbackloop.scoring.CsatScore;
import dev.feedbackloop.scoring.Interval;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.RatingScore;
import dev.feedbackloop.scoring.Score;
import dev.feedbackloop.scoring.scorecard.Scorecard;
import dev.feedbackloop.scoring.scorecard.ScorecardSpec;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a customer-success lead wants to know at the end of the demo year, read back from the loop through its
 * public API: score trends with intervals and significant changes, scores by segment, the follow-up funnel and SLA
 * compliance, the distribution of time to first contact, the overdue queue and care-plan coverage. Both the printed
 * summary and the HTML report render this one value.
 *
 * <p>Immutable.
 *
 * @param database where the data lives, for people
 * @param asOf the instant everything is reported at
 * @param responses responses captured
 * @param customers customers in the customer base
 * @param npsByMonth NPS per month, oldest first
 * @param csatByMonth CSAT per month, oldest first
 * @param cesByMonth CES (share finding it easy) per month, oldest first
 * @param npsBySegment NPS of the year by plan, then by region
 * @param csatBySegment CSAT of the year by plan, then by region
 * @param funnel the follow-ups opened this year
 * @param byPolicy the same per follow-up policy, by policy id
 * @param slaByMonth follow-up metrics per month of opening
 * @param timeToFirstContact how long first contact took, in working hours, as a histogram
 * @param overdue the follow-ups overdue for first contact now, most overdue first
 * @param dueSoon follow-ups whose first-contact deadline falls within the next working day
 * @param escalations escalations that the listener saw during the year
 * @param tiers care-plan coverage per tier
 * @param strategicNotContacted strategic customers with no human contact since the quarter began
 * @param neverHeardFrom customers who never answered a survey
 */
record Findings(String database, Instant asOf, int responses, int customers, List<PeriodScore> npsByMonth,
                List<PeriodScore> csatByMonth, List<PeriodScore> cesByMonth, List<SegmentScore> npsBySegment,
                List<SegmentScore> csatBySegment, FollowUpMetrics funnel, Map<String, FollowUpMetrics> byPolicy,
                Map<String, FollowUpMetrics> slaByMonth, List<Bucket> timeToFirstContact, List<OverdueItem> overdue,
                int dueSoon, int escalations, List<CareReport.TierCoverage> tiers,
                List<CustomerLine> strategicNotContacted, List<CustomerLine> neverHeardFrom) {

    Findings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(asOf, "asOf");
        npsByMonth = List.copyOf(npsByMonth);
        csatByMonth = List.copyOf(csatByMonth);
        cesByMonth = List.copyOf(cesByMonth);
        npsBySegment = List.copyOf(npsBySegment);
        csatBySegment = List.copyOf(csatBySegment);
        Objects.requireNonNull(funnel, "funnel");
        byPolicy = Collections.unmodifiableMap(new TreeMap<>(byPolicy));
        slaByMonth = Collections.unmodifiableMap(new TreeMap<>(slaByMonth));
        timeToFirstContact = List.copyOf(timeToFirstContact);
        overdue = List.copyOf(overdue);
        tiers = List.copyOf(tiers);
        strategicNotContacted = List.copyOf(strategicNotContacted);
        neverHeardFrom = List.copyOf(neverHeardFrom);
    }

    /** The upper bounds of the time-to-first-contact buckets, in working hours; the last bucket is open. */
    static final int[] BUCKET_LIMITS = {1, 4, 8, 16, 40};

    /**
     * A score in one period, with its interval and, when it moved significantly, its change.
     *
     * @param period the period label, such as {@code 2025-03}
     * @param n answers
     * @param score the score (NPS points, or percent)
     * @param ci its 95% interval
     * @param change the change from the previous period, or {@code null} for the first
     */
    record PeriodScore(String period, long n, double score, Interval ci, @Nullable Comparison change) {

        PeriodScore {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(ci, "ci");
        }

        /** Whether the change from the previous period is statistically significant. */
        boolean significant() {
            return change != null && change.significant();
        }
    }

    /**
     * A score of one segment over the year.
     *
     * @param attribute the attribute, such as {@code plan}
     * @param value its value
     * @param n answers
     * @param score the score
     * @param ci its 95% interval
     */
    record SegmentScore(String attribute, String value, long n, double score, Interval ci) {

        SegmentScore {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(ci, "ci");
        }
    }

    /**
     * One bar of a histogram.
     *
     * @param label what the bar counts, such as {@code 1-4 h}
     * @param count how many
     */
    record Bucket(String label, long count) {

        Bucket {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One follow-up waiting for first contact past its deadline.
     *
     * @param followUpId the follow-up
     * @param customer the customer's name
     * @param owner who must act
     * @param priority how urgent
     * @param reason why it was opened
     * @param openedAt when it was opened
     * @param overdueBy how long past the deadline, wall-clock
     * @param verbatim what the customer wrote, or empty
     */
    record OverdueItem(String followUpId, String customer, String owner, Priority priority, String reason,
                       Instant openedAt, Duration overdueBy, String verbatim) {

        OverdueItem {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(openedAt, "openedAt");
            Objects.requireNonNull(overdueBy, "overdueBy");
            Objects.requireNonNull(verbatim, "verbatim");
        }
    }

    /**
     * A customer in a coverage list.
     *
     * @param id the customer id
     * @param name the company name
     * @param tier the tier
     * @param owner the account manager, or empty
     * @param lastContact the last human contact, or {@code null} when never
     */
    record CustomerLine(String id, String name, String tier, String owner, @Nullable Instant lastContact) {

        CustomerLine {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(owner, "owner");
        }
    }

    /** Reads the findings back from a loop whose clock stands at {@link Scenario#END}. */
    static Findings collect(FeedbackLoop loop, Scenario scenario, Simulation.Outcome outcome, String database) {
        Instant asOf = Scenario.END;
        Instant to = asOf.plusSeconds(1);
        var tracker = loop.followUps();
        FollowUpMetrics funnel = tracker.metrics(Scenario.START, to);
        Map<String, FollowUpMetrics> byPolicy = tracker.metricsBy(FollowUpMetrics.byPolicy(), Scenario.START, to);
        Map<String, FollowUpMetrics> byMonth = tracker.metricsBy(
                FollowUpMetrics.byPeriod(Period.MONTH, Scenario.ZONE), Scenario.START, to);
        List<FollowUp> all = tracker.find(FollowUpQuery.all().withLimit(1_000_000));
        Map<String, DemoCustomer> customers = scenario.customersById();
        CareReport care = loop.care().report(asOf);
        return new Findings(database, asOf, outcome.responses(), customers.size(),
                byPeriod(loop, scenario.npsSurvey(), Scenario.NPS),
                byPeriod(loop, scenario.csatSurvey(), Scenario.CSAT),
                byPeriod(loop, scenario.cesSurvey(), Scenario.CES),
                bySegment(loop, scenario.npsSurvey(), Scenario.NPS),
                bySegment(loop, scenario.csatSurvey(), Scenario.CSAT),
                funnel, byPolicy, byMonth, histogram(all, Scenario.calendar()),
                overdue(loop, customers, asOf), tracker.dueWithin(Duration.ofHours(24)).size(),
                outcome.escalationPages(), care.tiers(),
                strategicNotContacted(loop, scenario), neverHeardFrom(care, customers));
    }

    private static List<PeriodScore> byPeriod(FeedbackLoop loop, Survey survey, String questionId) {
        Scorecard card = loop.scorecard(ScorecardSpec.builder(survey).questions(questionId)
                .period(Period.MONTH, Scenario.ZONE).build());
        var scores = new ArrayList<PeriodScore>();
        for (Scorecard.Group group : card.groups()) {
            Scorecard.QuestionResult result = group.result(questionId);
            if (group.period() == null || result.score().n() == 0) {
                continue;
            }
            double[] value = headline(result.score());
            scores.add(new PeriodScore(group.period().label(), result.score().n(), value[0],
                    Interval.of(value[1], value[2]), result.change()));
        }
        return scores;
    }

    private static List<SegmentScore> bySegment(FeedbackLoop loop, Survey survey, String questionId) {
        var scores = new ArrayList<SegmentScore>();
        for (String attribute : List.of(Scenario.PLAN, Scenario.REGION)) {
            Scorecard card = loop.scorecard(ScorecardSpec.builder(survey).questions(questionId).groupBy(attribute)
                    .build());
            for (Scorecard.Group group : card.groups()) {
                Score score = group.result(questionId).score();
                String value = group.segment().values().get(0);
                if (score.n() == 0 || value == null) {
                    continue;
                }
                double[] headline = headline(score);
                scores.add(new SegmentScore(attribute, value, score.n(), headline[0],
                        Interval.of(headline[1], headline[2])));
            }
        }
        return scores;
    }

    /** The headline number of a score and its interval: NPS points, CSAT percent satisfied, CES percent easy. */
    static double[] headline(Score score) {
        if (score instanceof NpsScore nps) {
            return new double[] {nps.score(), nps.ci().lower(), nps.ci().upper()};
        } else if (score instanceof CsatScore csat) {
            return new double[] {csat.score(), csat.ci().lower(), csat.ci().upper()};
        } else if (score instanceof CesScore ces) {
            return new double[] {ces.score(), ces.shareCi().lower(), ces.shareCi().upper()};
        } else if (score instanceof RatingScore rating) {
            return new double[] {rating.mean(), rating.ci().lower(), rating.ci().upper()};
        }
        throw new AssertionError("unknown score type " + score.getClass().getName());
    }

    private static List<Bucket> histogram(List<FollowUp> followUps, BusinessCalendar calendar) {
        long[] counts = new long[BUCKET_LIMITS.length + 1];
        for (FollowUp followUp : followUps) {
            if (followUp.firstContact() == null) {
                continue;
            }
            double hours = calendar.between(followUp.openedAt(), followUp.firstContact().at()).toMinutes() / 60.0;
            int bucket = 0;
            while (bucket < BUCKET_LIMITS.length && hours > BUCKET_LIMITS[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        var buckets = new ArrayList<Bucket>();
        for (int i = 0; i < counts.length; i++) {
            String label = i == 0 ? "\u2264 " + BUCKET_LIMITS[0] + " h"
                    : i == BUCKET_LIMITS.length ? "> " + BUCKET_LIMITS[i - 1] + " h"
                    : BUCKET_LIMITS[i - 1] + "\u2013" + BUCKET_LIMITS[i] + " h";
            buckets.add(new Bucket(label, counts[i]));
        }
        return buckets;
    }

    private static List<OverdueItem> overdue(FeedbackLoop loop, Map<String, DemoCustomer> customers, Instant asOf) {
        var items = new ArrayList<OverdueItem>();
        for (FollowUp followUp : loop.followUps().overdue()) {
            DemoCustomer customer = followUp.customerId() == null ? null : customers.get(followUp.customerId());
            String verbatim = loop.findResponse(followUp.responseId()).map(stored -> {
                Answer reason = stored.response().answer(Scenario.REASON);
                Answer comment = stored.response().answer(Scenario.COMMENT);
                Answer text = reason != null ? reason : comment;
                return text instanceof Answer.Text t ? t.text() : "";
            }).orElse("");
            items.add(new OverdueItem(followUp.id(), customer == null ? "(anonymous)" : customer.name(),
                    followUp.owner(), followUp.priority(), followUp.reason(), followUp.openedAt(),
                    Duration.between(followUp.firstContactDue(), asOf), verbatim));
        }
        return items;
    }

    private static List<CustomerLine> strategicNotContacted(FeedbackLoop loop, Scenario scenario) {
        Instant quarterStart = Scenario.QUARTER_START.atStartOfDay(Scenario.ZONE).toInstant();
        var lines = new ArrayList<CustomerLine>();
        for (DemoCustomer customer : scenario.customers()) {
            if (!customer.tier().equals(Scenario.STRATEGIC)) {
                continue;
            }
            Optional<Instant> last = loop.care().touches(customer.id()).stream()
                    .filter(touch -> isHumanContact(touch.kind()))
                    .map(Touch::at)
                    .max(Comparator.naturalOrder());
            if (last.isEmpty() || last.get().isBefore(quarterStart)) {
                lines.add(new CustomerLine(customer.id(), customer.name(), customer.tier(),
                        Objects.requireNonNullElse(customer.accountOwner(), ""), last.orElse(null)));
            }
        }
        return lines;
    }

    /** Whether a touch is a person reaching out to the customer (a survey answer is the customer reaching us). */
    static boolean isHumanContact(TouchKind kind) {
        return switch (kind) {
            case CALL, MEETING, MESSAGE, FOLLOW_UP_CONTACT -> true;
            case SURVEY_INVITED, SURVEY_ANSWERED -> false;
        };
    }

    private static List<CustomerLine> neverHeardFrom(CareReport report, Map<String, DemoCustomer> customers) {
        var lines = new ArrayList<CustomerLine>();
        for (CustomerStatus status : report.neverHeardFrom()) {
            DemoCustomer customer = customers.get(status.customerId());
            String name = customer == null ? status.customerId() : customer.name();
            String owner = customer == null ? "" : Objects.requireNonNullElse(customer.accountOwner(), "");
            lines.add(new CustomerLine(status.customerId(), name, status.tier(), owner, status.lastContact()));
        }
        lines.sort(Comparator.comparing(CustomerLine::id));
        return lines;
    }

    /** The month labels of the year so far, {@code 2025-01} onwards. */
    static List<String> months() {
        var labels = new ArrayList<String>();
        LocalDate last = LocalDate.ofInstant(Scenario.END, Scenario.ZONE);
        for (LocalDate month = LocalDate.of(2025, 1, 1); !month.isAfter(last); month = month.plusMonths(1)) {
            labels.add(Period.MONTH.label(Period.MONTH.bucket(month)));
        }
        return labels;
    }
}
