package dev.feedbackloop.examples.demo;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.care.CarePlan;
import dev.feedbackloop.core.care.CareReport;
import dev.feedbackloop.core.care.CareTier;
import dev.feedbackloop.core.care.CustomerStatus;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.Escalation;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.examples.charts.Bucket;
import dev.feedbackloop.examples.charts.PeriodScore;
import dev.feedbackloop.examples.charts.SegmentScore;
import dev.feedbackloop.examples.charts.Standing;
import dev.feedbackloop.examples.demo.Scenario.DemoCustomer;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.loop.DurationSummary;
import dev.feedbackloop.scoring.loop.DurationTally;
import dev.feedbackloop.scoring.scorecard.ScorecardSpec;
import dev.feedbackloop.scoring.scorecard.ScorecardTally;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a customer-success lead wants to know at the end of the demo year, read back from the loop through its
 * public API: score trends with intervals and significant changes, scores by segment, where every follow-up
 * stands, SLA compliance by month, policy and owner, the distribution of time to first contact, the overdue queue
 * (most urgent first), care-plan coverage and the latest detractor comments. Both the printed summary and the HTML
 * report render this one value.
 *
 * <p>Immutable.
 *
 * @param database where the data lives, for people
 * @param asOf the instant everything is reported at
 * @param responses responses captured
 * @param customers customers in the customer base
 * @param npsByMonth NPS per month, oldest first; the last month may be {@linkplain PeriodScore#partial() partial}
 * @param csatByMonth CSAT per month, oldest first
 * @param cesByMonth CES (share finding it easy) per month, oldest first
 * @param npsBySegment NPS of the year by plan, then by region
 * @param csatBySegment CSAT of the year by plan, then by region
 * @param funnel the follow-ups opened this year
 * @param standing where those follow-ups stand now, as parts that add up to all of them
 * @param byPolicy the same per follow-up policy, by policy id
 * @param byOwner the same per owner, by owner
 * @param slaByMonth follow-up metrics per month of opening
 * @param timeToFirstContact how long first contact took, in working hours, as a histogram
 * @param workingHoursToFirstContact the same as a distribution, or {@code null} when nobody was contacted
 * @param overdue the follow-ups overdue for first contact now, most urgent first, then most overdue
 * @param alerts the escalations raised when deadlines passed
 * @param tiers care-plan coverage per tier
 * @param strategicWithoutCall strategic customers with no call, meeting or follow-up contact within their cadence
 * @param neverAnswered customers who never answered a survey
 * @param detractorComments the latest comments of NPS detractors, newest first
 */
record Findings(String database, Instant asOf, int responses, int customers, List<PeriodScore> npsByMonth,
                List<PeriodScore> csatByMonth, List<PeriodScore> cesByMonth, List<SegmentScore> npsBySegment,
                List<SegmentScore> csatBySegment, FollowUpMetrics funnel, Standing standing,
                Map<String, FollowUpMetrics> byPolicy, Map<String, FollowUpMetrics> byOwner,
                Map<String, FollowUpMetrics> slaByMonth, List<Bucket> timeToFirstContact,
                @Nullable DurationSummary workingHoursToFirstContact, List<OverdueItem> overdue, Alerts alerts,
                List<TierLine> tiers, List<CustomerLine> strategicWithoutCall, List<CustomerLine> neverAnswered,
                List<Comment> detractorComments) {

    Findings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(asOf, "asOf");
        npsByMonth = List.copyOf(npsByMonth);
        csatByMonth = List.copyOf(csatByMonth);
        cesByMonth = List.copyOf(cesByMonth);
        npsBySegment = List.copyOf(npsBySegment);
        csatBySegment = List.copyOf(csatBySegment);
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(standing, "standing");
        byPolicy = Collections.unmodifiableMap(new TreeMap<>(byPolicy));
        byOwner = Collections.unmodifiableMap(new TreeMap<>(byOwner));
        slaByMonth = Collections.unmodifiableMap(new TreeMap<>(slaByMonth));
        timeToFirstContact = List.copyOf(timeToFirstContact);
        overdue = List.copyOf(overdue);
        Objects.requireNonNull(alerts, "alerts");
        tiers = List.copyOf(tiers);
        strategicWithoutCall = List.copyOf(strategicWithoutCall);
        neverAnswered = List.copyOf(neverAnswered);
        detractorComments = List.copyOf(detractorComments);
    }

    /** The upper bounds of the time-to-first-contact buckets, in working hours; the last bucket is open. */
    static final int[] BUCKET_LIMITS = {1, 4, 8, 16, 40};

    /** How many detractor comments the findings keep. */
    static final int COMMENTS = 8;

    /** The most urgent first; then the longest overdue; then by id, so that the order is total. */
    static final Comparator<OverdueItem> MOST_URGENT_FIRST = Comparator.comparing(OverdueItem::priority)
            .reversed().thenComparing(OverdueItem::overdueBy, Comparator.reverseOrder())
            .thenComparing(OverdueItem::followUpId);

    /**
     * The escalations the loop raised when deadlines passed without being met.
     *
     * @param alerts escalation steps fired (each alerts one person or team)
     * @param followUps follow-ups escalated at least once
     * @param firstContact alerts for a missed first-contact deadline
     * @param resolution alerts for a missed resolution deadline
     * @param beyondOwner alerts sent past the follow-up's owner, by who received them
     */
    record Alerts(long alerts, long followUps, long firstContact, long resolution, Map<String, Long> beyondOwner) {

        Alerts {
            beyondOwner = Collections.unmodifiableMap(new TreeMap<>(beyondOwner));
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
     * @param rating what the customer answered, such as {@code NPS 3}
     * @param openedAt when it was opened
     * @param overdueBy how long past the deadline, wall-clock
     * @param verbatim what the customer wrote (or chose as what went wrong), or empty when nothing
     */
    record OverdueItem(String followUpId, String customer, String owner, Priority priority, String reason,
                       String rating, Instant openedAt, Duration overdueBy, String verbatim) {

        OverdueItem {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rating, "rating");
            Objects.requireNonNull(openedAt, "openedAt");
            Objects.requireNonNull(overdueBy, "overdueBy");
            Objects.requireNonNull(verbatim, "verbatim");
        }
    }

    /**
     * Care-plan coverage of one tier, counted two ways.
     *
     * @param tier the tier
     * @param customers customers in the tier
     * @param cadence how often the tier is to be contacted
     * @param inTouch customers with any touch within the cadence, survey answers included
     * @param called customers with a call, meeting, message or follow-up contact within the cadence
     * @param neverAnswered customers in the tier who never answered a survey
     */
    record TierLine(String tier, int customers, Duration cadence, int inTouch, int called, int neverAnswered) {

        TierLine {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(cadence, "cadence");
        }

        /** The cadence in days. */
        long cadenceDays() {
            return cadence.toDays();
        }
    }

    /**
     * A customer in a coverage list.
     *
     * @param id the customer id
     * @param name the company name
     * @param tier the care-plan tier
     * @param owner the account manager, or empty
     * @param lastCall the last call, meeting, message or follow-up contact, or {@code null} when never
     */
    record CustomerLine(String id, String name, String tier, String owner, @Nullable Instant lastCall) {

        CustomerLine {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(owner, "owner");
        }
    }

    /**
     * What a detractor wrote.
     *
     * @param at when the response was submitted
     * @param customer the customer's name
     * @param tier the customer's tier attribute
     * @param score the NPS answer, 0 to 6
     * @param text the comment
     */
    record Comment(Instant at, String customer, String tier, int score, String text) {

        Comment {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Reads the findings back from a loop whose clock stands at {@link Scenario#END}. Each survey's responses are
     * streamed from the store once, into the tallies of all the scorecards drawn from them.
     */
    static Findings collect(FeedbackLoop loop, Scenario scenario, int responses, String database) {
        Instant asOf = Scenario.END;
        Instant to = asOf.plusSeconds(1);
        var tracker = loop.followUps();
        List<FollowUp> all = tracker.find(FollowUpQuery.all().withLimit(1_000_000));
        Map<String, DemoCustomer> customers = scenario.customersById();
        CareReport care = loop.care().report(asOf);
        Map<String, List<Touch>> touches = new LinkedHashMap<>();
        customers.keySet().forEach(id -> touches.put(id, loop.care().touches(id)));
        var comments = new ArrayList<Comment>();
        Cards nps = score(loop, scenario.npsSurvey(), Scenario.NPS, response -> comment(response, customers)
                .ifPresent(comments::add));
        Cards csat = score(loop, scenario.csatSurvey(), Scenario.CSAT, response -> { });
        Cards ces = score(loop, scenario.cesSurvey(), Scenario.CES, response -> { });
        return new Findings(database, asOf, responses, customers.size(),
                nps.byMonth(), csat.byMonth(), ces.byMonth(), nps.bySegment(), csat.bySegment(),
                tracker.metrics(Scenario.START, to, asOf), Standing.of(all, asOf),
                tracker.metricsBy(FollowUpMetrics.byPolicy(), Scenario.START, to, asOf),
                tracker.metricsBy(FollowUpMetrics.byOwner(), Scenario.START, to, asOf),
                tracker.metricsBy(FollowUpMetrics.byPeriod(Period.MONTH, Scenario.ZONE), Scenario.START, to,
                        asOf),
                histogram(all, Scenario.calendar()), workingHours(all, Scenario.calendar()),
                overdue(loop, customers, asOf), alerts(all),
                tiers(care, customers, touches, asOf),
                strategicWithoutCall(customers, touches, asOf), neverAnswered(care, customers, touches),
                latest(comments));
    }

    /** The scores of one question by month and by segment (plan, then region). */
    private record Cards(List<PeriodScore> byMonth, List<SegmentScore> bySegment) {
    }

    /**
     * Scores one question by month, by plan and by region in one pass over the survey's stored responses, and
     * shows every response to {@code also} on the way.
     */
    private static Cards score(FeedbackLoop loop, Survey survey, String questionId, Consumer<Response> also) {
        ScorecardTally byMonth = ScorecardSpec.builder(survey).questions(questionId)
                .period(Period.MONTH, Scenario.ZONE).build().newTally();
        List<String> attributes = List.of(Scenario.PLAN, Scenario.REGION);
        var bySegment = new ArrayList<ScorecardTally>();
        attributes.forEach(attribute -> bySegment.add(ScorecardSpec.builder(survey).questions(questionId)
                .groupBy(attribute).build().newTally()));
        loop.forEachResponse(survey.id(), response -> {
            byMonth.add(response);
            bySegment.forEach(tally -> tally.add(response));
            also.accept(response);
        });
        var segments = new ArrayList<SegmentScore>();
        for (int i = 0; i < attributes.size(); i++) {
            segments.addAll(SegmentScore.of(bySegment.get(i).result(), attributes.get(i), questionId));
        }
        return new Cards(PeriodScore.of(byMonth.result(), questionId, TextSummary.months("")), segments);
    }

    private static List<Bucket> histogram(List<FollowUp> followUps, BusinessCalendar calendar) {
        var working = new ArrayList<Duration>();
        for (FollowUp followUp : followUps) {
            Duration duration = workingTimeToFirstContact(followUp, calendar);
            if (duration != null) {
                working.add(duration);
            }
        }
        return Bucket.hours(working, BUCKET_LIMITS);
    }

    private static @Nullable DurationSummary workingHours(List<FollowUp> followUps, BusinessCalendar calendar) {
        try (var tally = new DurationTally()) {
            for (FollowUp followUp : followUps) {
                Duration working = workingTimeToFirstContact(followUp, calendar);
                if (working != null) {
                    tally.add(working);
                }
            }
            return tally.n() == 0 ? null : tally.summary();
        }
    }

    private static @Nullable Duration workingTimeToFirstContact(FollowUp followUp, BusinessCalendar calendar) {
        return followUp.firstContact() == null ? null
                : calendar.between(followUp.openedAt(), followUp.firstContact().at());
    }

    private static List<OverdueItem> overdue(FeedbackLoop loop, Map<String, DemoCustomer> customers, Instant asOf) {
        var items = new ArrayList<OverdueItem>();
        for (FollowUp followUp : loop.followUps().overdue(DeadlineKind.FIRST_CONTACT, asOf)) {
            DemoCustomer customer = followUp.customerId() == null ? null : customers.get(followUp.customerId());
            Response response = loop.findResponse(followUp.responseId()).map(stored -> stored.response())
                    .orElse(null);
            items.add(new OverdueItem(followUp.id(), customer == null ? "(anonymous)" : customer.name(),
                    followUp.owner(), followUp.priority(), followUp.reason(),
                    response == null ? "" : rating(response), followUp.openedAt(),
                    Duration.between(followUp.firstContactDue(), asOf),
                    response == null ? "" : verbatim(response)));
        }
        items.sort(MOST_URGENT_FIRST);
        return items;
    }

    /** The rating that opened a follow-up, named: {@code NPS 3}, {@code CSAT 1 of 5}, {@code CES 2 of 7}. */
    static String rating(Response response) {
        if (response.answer(Scenario.NPS) instanceof Answer.Rating nps) {
            return "NPS " + nps.value();
        } else if (response.answer(Scenario.CSAT) instanceof Answer.Rating csat) {
            return "CSAT " + csat.value() + " of 5";
        } else if (response.answer(Scenario.CES) instanceof Answer.Rating ces) {
            return "CES " + ces.value() + " of 7";
        }
        return "";
    }

    /** What the customer wrote, or what they chose as having gone wrong; empty when neither. */
    static String verbatim(Response response) {
        for (String question : List.of(Scenario.REASON, Scenario.COMMENT)) {
            if (response.answer(question) instanceof Answer.Text text && !text.text().isBlank()) {
                return text.text();
            }
        }
        if (response.answer(Scenario.WHAT_WENT_WRONG) instanceof Answer.Choice choice
                && !choice.optionIds().isEmpty()) {
            return "What went wrong: " + String.join(", ", choice.optionIds());
        }
        return "";
    }

    private static Alerts alerts(List<FollowUp> followUps) {
        long alerts = 0;
        long escalated = 0;
        long firstContact = 0;
        long resolution = 0;
        var beyondOwner = new TreeMap<String, Long>();
        for (FollowUp followUp : followUps) {
            if (!followUp.escalations().isEmpty()) {
                escalated++;
            }
            for (Escalation escalation : followUp.escalations()) {
                alerts++;
                switch (escalation.deadline()) {
                    case FIRST_CONTACT -> firstContact++;
                    case RESOLUTION -> resolution++;
                }
                if (!escalation.escalatedTo().equals(followUp.owner())) {
                    beyondOwner.merge(escalation.escalatedTo(), 1L, Long::sum);
                }
            }
        }
        return new Alerts(alerts, escalated, firstContact, resolution, beyondOwner);
    }

    private static List<TierLine> tiers(CareReport care, Map<String, DemoCustomer> customers,
                                        Map<String, List<Touch>> touches, Instant asOf) {
        CarePlan plan = Scenario.carePlan();
        var called = new LinkedHashMap<String, Integer>();
        for (DemoCustomer customer : customers.values()) {
            CareTier tier = plan.tier(customer.asCustomer());
            Instant last = lastCall(touches.get(customer.id()));
            if (last != null && !last.plus(tier.contactEvery()).isBefore(asOf)) {
                called.merge(tier.name(), 1, Integer::sum);
            }
        }
        var lines = new ArrayList<TierLine>();
        for (CareReport.TierCoverage coverage : care.tiers()) {
            Duration cadence = plan.tiers().stream().filter(t -> t.name().equals(coverage.tier())).findFirst()
                    .map(CareTier::contactEvery).orElseThrow();
            lines.add(new TierLine(coverage.tier(), coverage.customers(), cadence, coverage.covered(),
                    called.getOrDefault(coverage.tier(), 0), coverage.neverHeardFrom()));
        }
        return lines;
    }

    private static List<CustomerLine> strategicWithoutCall(Map<String, DemoCustomer> customers,
                                                           Map<String, List<Touch>> touches, Instant asOf) {
        CarePlan plan = Scenario.carePlan();
        var lines = new ArrayList<CustomerLine>();
        for (DemoCustomer customer : customers.values()) {
            CareTier tier = plan.tier(customer.asCustomer());
            if (!tier.name().equals(Scenario.STRATEGIC)) {
                continue;
            }
            Instant last = lastCall(touches.get(customer.id()));
            if (last == null || last.plus(tier.contactEvery()).isBefore(asOf)) {
                lines.add(line(customer, tier.name(), last));
            }
        }
        return lines;
    }

    private static List<CustomerLine> neverAnswered(CareReport care, Map<String, DemoCustomer> customers,
                                                    Map<String, List<Touch>> touches) {
        var lines = new ArrayList<CustomerLine>();
        for (CustomerStatus status : care.neverHeardFrom()) {
            DemoCustomer customer = customers.get(status.customerId());
            if (customer == null) {
                lines.add(new CustomerLine(status.customerId(), status.customerId(), status.tier(), "",
                        status.lastContact()));
            } else {
                lines.add(line(customer, status.tier(), lastCall(touches.get(customer.id()))));
            }
        }
        lines.sort(Comparator.comparing(CustomerLine::id));
        return lines;
    }

    private static CustomerLine line(DemoCustomer customer, String tier, @Nullable Instant lastCall) {
        return new CustomerLine(customer.id(), customer.name(), tier,
                Objects.requireNonNullElse(customer.accountOwner(), ""), lastCall);
    }

    private static @Nullable Instant lastCall(@Nullable List<Touch> touches) {
        Instant last = null;
        for (Touch touch : touches == null ? List.<Touch>of() : touches) {
            if (isHumanContact(touch.kind()) && (last == null || touch.at().isAfter(last))) {
                last = touch.at();
            }
        }
        return last;
    }

    /** Whether a touch is a person reaching out to the customer (a survey answer is the customer reaching us). */
    static boolean isHumanContact(TouchKind kind) {
        return switch (kind) {
            case CALL, MEETING, MESSAGE, FOLLOW_UP_CONTACT -> true;
            case SURVEY_INVITED, SURVEY_ANSWERED -> false;
        };
    }

    /** What a detractor wrote, if the response is a detractor's with a reason. */
    private static Optional<Comment> comment(Response response, Map<String, DemoCustomer> customers) {
        if (response.answer(Scenario.NPS) instanceof Answer.Rating nps && nps.value() <= 6
                && response.answer(Scenario.REASON) instanceof Answer.Text text && !text.text().isBlank()) {
            String customerId = response.respondent().customerId();
            DemoCustomer customer = customerId == null ? null : customers.get(customerId);
            return Optional.of(new Comment(response.submittedAt(), customer == null ? "(anonymous)"
                    : customer.name(), customer == null ? "" : customer.tier(), nps.value(), text.text()));
        }
        return Optional.empty();
    }

    /** The newest {@link #COMMENTS} comments, newest first. */
    private static List<Comment> latest(List<Comment> comments) {
        var sorted = new ArrayList<>(comments);
        sorted.sort(Comparator.comparing(Comment::at).reversed().thenComparing(Comment::customer));
        return sorted.subList(0, Math.min(COMMENTS, sorted.size()));
    }
}
