package dev.feedbackloop.examples.demo;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.examples.demo.Scenario.DemoCustomer;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A year of customer feedback played through a {@link FeedbackLoop} as a discrete-event simulation: responses
 * arrive with seasonality and a summer dip, the loop opens follow-ups by policy, and the team works them — promptly,
 * late, or never — while account managers hold their business reviews. Every step goes through the library's public
 * API at its simulated time on the {@link DemoClock}.
 *
 * <p>The follow-up work is scheduled by a {@link FeedbackListener} on {@code FollowUpOpened}, the way a host would
 * open a CRM task. Not thread-safe; one instance runs once.
 */
final class Simulation {

    private static final double[] NPS_MONTH = {0.05, 0.1, 0.1, 0.15, 0.15, -0.55, -1.0, -0.7, -0.25, 0.1, 0.2, 0.25};
    private static final double[] CSAT_MONTH = {0, 0, 0.05, 0.05, 0, -0.3, -0.55, -0.4, -0.1, 0.05, 0.1, 0.1};
    private static final double[] TICKETS_MONTH = {1.1, 1.0, 1.05, 0.95, 0.95, 1.3, 1.35, 0.8, 1.05, 1.0, 1.0, 0.7};
    private static final double[] ANSWER_MONTH = {1.0, 1.0, 1.0, 1.0, 0.95, 1.0, 0.9, 0.7, 1.0, 1.0, 0.95, 0.8};

    private static final String[] PRAISE = {"Support is fast and friendly.", "The reporting saves us hours each week.",
        "Solid product, great onboarding.", "Our account manager really knows our business."};
    private static final String[] NEUTRAL = {"Does the job, but the UI feels dated.", "Good, pricing is a bit high.",
        "Fine overall; exports could be faster."};
    private static final String[] COMPLAINTS = {"The June release broke our exports.",
        "Invoice total showed < 0 after the credit note & nobody could explain it.",
        "Waited three days for an answer to a P1 ticket.", "Too many bugs since the migration.",
        "Pages take ages to load in the afternoon.", "We were promised SSO months ago."};

    private final Scenario scenario;
    private final FeedbackLoop loop;
    private final DemoClock clock;
    private final BusinessCalendar calendar;
    private final Random random;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            Comparator.comparing(Event::at).thenComparingLong(Event::sequence));
    private final List<DemoCustomer> weightedByUsers = new ArrayList<>();
    private final Consumer<MonthPlayed> progress;
    /** The version of every follow-up as the team last saw it. */
    private final Map<String, Long> seen = new HashMap<>();
    private long sequence;
    private int responses;
    private int monthResponses;
    private int monthFollowUps;

    private Simulation(Scenario scenario, FeedbackLoop.Builder builder, DemoClock clock, long seed,
                       Consumer<MonthPlayed> progress) {
        this.scenario = scenario;
        this.clock = clock;
        this.progress = progress;
        this.calendar = Scenario.calendar();
        this.random = new Random(seed);
        this.loop = builder.listener(new WorkScheduler()).build();
        for (DemoCustomer customer : scenario.customers()) {
            for (int i = 0; i < customer.users(); i++) {
                weightedByUsers.add(customer);
            }
        }
    }

    /**
     * Runs the year on a loop built from the given builder (store, clock, calendar and policies already set; this
     * adds its listener) and returns the loop, with the clock at {@link Scenario#END}. Tells {@code progress}
     * about every simulated month as soon as it is played, the last one (which {@link Scenario#END} cuts short)
     * included.
     */
    static Outcome run(Scenario scenario, FeedbackLoop.Builder builder, DemoClock clock, long seed,
                       Consumer<MonthPlayed> progress) {
        var simulation = new Simulation(scenario, builder, clock, seed, progress);
        simulation.play();
        return new Outcome(simulation.loop, simulation.responses);
    }

    /**
     * One simulated month, played.
     *
     * @param month the month
     * @param partial whether the simulation ended before the month did
     * @param responses responses submitted in the month
     * @param followUpsOpened follow-ups the loop opened in the month
     */
    record MonthPlayed(YearMonth month, boolean partial, int responses, int followUpsOpened) {

        MonthPlayed {
            Objects.requireNonNull(month, "month");
        }
    }

    /**
     * What the simulation left behind.
     *
     * @param loop the loop, with every response and follow-up stored
     * @param responses the responses submitted
     */
    record Outcome(FeedbackLoop loop, int responses) {

        Outcome {
            Objects.requireNonNull(loop, "loop");
        }
    }

    private void play() {
        scenario.surveys().forEach(loop::register);
        for (DemoCustomer customer : scenario.customers()) {
            loop.care().registerCustomer(customer.asCustomer());
        }
        scheduleNpsWaves();
        scheduleSupportTickets();
        scheduleBusinessReviews();
        scheduleDailyEscalation();
        YearMonth month = YearMonth.from(Scenario.START.atZone(Scenario.ZONE));
        while (!queue.isEmpty() && !queue.peek().at().isAfter(Scenario.END)) {
            Event event = queue.poll();
            YearMonth eventMonth = YearMonth.from(event.at().atZone(Scenario.ZONE));
            while (month.isBefore(eventMonth)) {
                monthPlayed(month, false);
                month = month.plusMonths(1);
            }
            clock.set(event.at());
            event.action().run();
        }
        clock.set(Scenario.END);
        monthPlayed(month, Scenario.isCutShort(month));
    }

    private void monthPlayed(YearMonth month, boolean partial) {
        progress.accept(new MonthPlayed(month, partial, monthResponses, monthFollowUps));
        monthResponses = 0;
        monthFollowUps = 0;
    }

    // ---- what arrives -----------------------------------------------------------------------------------------

    private void scheduleNpsWaves() {
        LocalDate last = LocalDate.ofInstant(Scenario.END, Scenario.ZONE);
        for (Month month : Month.values()) {
            LocalDate first = LocalDate.of(2025, month, 1);
            if (first.isAfter(last)) {
                break;
            }
            int days = month == last.getMonth() ? last.getDayOfMonth() : first.lengthOfMonth();
            for (DemoCustomer customer : scenario.customers()) {
                for (int user = 0; user < customer.users(); user++) {
                    // each person is invited once a quarter, in a wave that depends on who they are
                    if (Math.floorMod(user + month.ordinal() + customer.id().hashCode(), 3) != 0) {
                        continue;
                    }
                    if (random.nextDouble() >= 0.75 * customer.engagement() * ANSWER_MONTH[month.ordinal()]) {
                        continue;
                    }
                    Instant at = randomTime(first.plusDays(random.nextInt(days)));
                    String id = String.format(Locale.ROOT, "nps-%s-%02d-u%02d", customer.id(), month.getValue(),
                            user);
                    int score = npsScore(customer, month);
                    String reason = comment(score <= 6 ? COMPLAINTS : score <= 8 ? NEUTRAL : PRAISE, 0.45);
                    schedule(at, () -> submitNps(id, customer, score, reason));
                }
            }
        }
    }

    private void scheduleSupportTickets() {
        LocalDate last = LocalDate.ofInstant(Scenario.END, Scenario.ZONE);
        int ticket = 0;
        for (LocalDate day = LocalDate.ofInstant(Scenario.START, Scenario.ZONE); !day.isAfter(last);
             day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            double rate = 7.0 * TICKETS_MONTH[day.getMonthValue() - 1] * (weekend ? 0.25 : 1.0);
            int tickets = poisson(rate);
            for (int i = 0; i < tickets; i++) {
                DemoCustomer customer = weightedByUsers.get(random.nextInt(weightedByUsers.size()));
                if (customer.engagement() == 0.0) {
                    continue;
                }
                ticket++;
                Instant at = randomTime(day);
                int csat = csatScore(customer, day.getMonth());
                String comment = comment(csat <= 2 ? COMPLAINTS : PRAISE, 0.3);
                String id = String.format(Locale.ROOT, "csat-T%05d", ticket);
                schedule(at, () -> submitCsat(id, customer, csat, comment));
                if (random.nextDouble() < 0.3) {
                    int ces = cesScore(customer, day.getMonth());
                    List<String> wrong = ces <= 3 ? whatWentWrong() : List.of();
                    String cesId = String.format(Locale.ROOT, "ces-T%05d", ticket);
                    schedule(at.plusSeconds(240), () -> submitCes(cesId, customer, ces, wrong));
                }
            }
        }
    }

    private void scheduleBusinessReviews() {
        int strategicSeen = 0;
        for (DemoCustomer customer : scenario.customers()) {
            String owner = customer.accountOwner();
            if (owner == null) {
                continue;
            }
            boolean strategic = customer.tier().equals(Scenario.STRATEGIC);
            // a few strategic accounts slip through the cracks after the summer
            boolean neglected = strategic && strategicSeen++ % 6 == 5;
            int gapMin = strategic ? 55 : 110;
            int gapSpread = strategic ? 50 : 120;
            LocalDate day = LocalDate.ofInstant(Scenario.START, Scenario.ZONE).plusDays(5 + random.nextInt(60));
            LocalDate stop = neglected ? LocalDate.of(2025, 7, 1) : LocalDate.of(2025, 12, 31);
            while (day.isBefore(stop)) {
                LocalDate meeting = nextWorkday(day);
                Instant at = meeting.atTime(LocalTime.of(10 + random.nextInt(6), 0)).atZone(Scenario.ZONE)
                        .toInstant();
                schedule(at, () -> loop.care().recordContact(customer.id(), TouchKind.MEETING, owner,
                        "Business review"));
                day = day.plusDays(gapMin + random.nextInt(gapSpread));
            }
        }
    }

    private void scheduleDailyEscalation() {
        LocalDate last = LocalDate.ofInstant(Scenario.END, Scenario.ZONE);
        for (LocalDate day = LocalDate.ofInstant(Scenario.START, Scenario.ZONE); !day.isAfter(last);
             day = day.plusDays(1)) {
            if (calendar.isWorkday(day)) {
                schedule(day.atTime(LocalTime.of(8, 55)).atZone(Scenario.ZONE).toInstant(),
                        () -> loop.followUps().escalateOverdue(clock.instant()));
            }
        }
    }

    private void submitNps(String id, DemoCustomer customer, int score, String reason) {
        Response.Builder response = Response.builder(id, scenario.npsSurvey(), clock.instant())
                .respondent(respondent(customer)).channel("email").answer(Scenario.NPS, Answer.rating(score));
        if (!reason.isEmpty()) {
            response.answer(Scenario.REASON, Answer.text(reason));
        }
        submit(response.build());
    }

    private void submitCsat(String id, DemoCustomer customer, int score, String comment) {
        Response.Builder response = Response.builder(id, scenario.csatSurvey(), clock.instant())
                .respondent(respondent(customer)).channel("in-app").answer(Scenario.CSAT, Answer.rating(score));
        if (!comment.isEmpty()) {
            response.answer(Scenario.COMMENT, Answer.text(comment));
        }
        submit(response.build());
    }

    private void submitCes(String id, DemoCustomer customer, int score, List<String> wrong) {
        Survey survey = scenario.cesSurvey();
        Response.Builder response = Response.builder(id, survey, clock.instant())
                .respondent(respondent(customer)).channel("in-app").answer(Scenario.CES, Answer.rating(score));
        if (!wrong.isEmpty()) {
            response.answer(Scenario.WHAT_WENT_WRONG, Answer.choice(wrong.toArray(String[]::new)));
        }
        submit(response.build());
    }

    private void submit(Response response) {
        loop.submit(response);
        responses++;
        monthResponses++;
    }

    private static Respondent respondent(DemoCustomer customer) {
        return Respondent.of(customer.id(), customer.attributes());
    }

    // ---- how the team works follow-ups ------------------------------------------------------------------------

    /** The host's hook: every new follow-up becomes a task that someone works, or forgets. */
    private final class WorkScheduler implements FeedbackListener {

        @Override
        public void onFollowUpOpened(FeedbackEvent.FollowUpOpened event) {
            monthFollowUps++;
            seen.put(event.followUpId(), 1L);
            plan(event.followUpId(), event.policyId(), event.owner(), event.priority(), event.at());
        }
    }

    private void plan(String followUpId, String policyId, String owner, Priority priority, Instant openedAt) {
        LocalDate opened = LocalDate.ofInstant(openedAt, Scenario.ZONE);
        int month = opened.getMonthValue();
        boolean summer = month == 7 || month == 8 || month == 6 && opened.getDayOfMonth() > 15;
        double contactChance;
        double medianHours;
        switch (policyId) {
            case Scenario.POLICY_STRATEGIC -> {
                contactChance = 0.98;
                medianHours = summer ? 3.5 : 1.5;
            }
            case Scenario.POLICY_NPS -> {
                contactChance = summer ? 0.75 : 0.93;
                medianHours = summer ? 18 : 4.5;
            }
            case Scenario.POLICY_CSAT -> {
                contactChance = summer ? 0.82 : 0.95;
                medianHours = summer ? 9 : 2.5;
            }
            default -> {
                contactChance = 0.85;
                medianHours = summer ? 14 : 6;
            }
        }
        String agent = agentFor(owner);
        if (random.nextDouble() < contactChance) {
            double hours = medianHours * Math.exp(0.9 * random.nextGaussian());
            Instant contactAt = calendar.plus(openedAt, Duration.ofMinutes(Math.max(5, Math.round(hours * 60))));
            String channel = priority == Priority.URGENT || random.nextDouble() < 0.6 ? "phone" : "email";
            schedule(contactAt, () -> step(followUpId, (id, version) -> loop.followUps().contact(id, version,
                    Contact.of(channel, agent, loop.now(), null))));
            double outcome = random.nextDouble();
            if (outcome < 0.8) {
                Instant resolveAt = calendar.plus(contactAt, Duration.ofHours(2 + random.nextInt(38)));
                String code = pickOf(Scenario.RESOLUTION_CODES);
                String cause = pickOf(Scenario.ROOT_CAUSES);
                schedule(resolveAt, () -> step(followUpId, (id, version) -> loop.followUps().resolve(id, version,
                        Resolution.of(code, cause, agent, loop.now(), null))));
            } else if (outcome < 0.92) {
                Instant closeAt = calendar.plus(contactAt, Duration.ofHours(24));
                schedule(closeAt, () -> step(followUpId, (id, version) -> loop.followUps().close(id, version,
                        Closure.of("customer-unresponsive", agent, loop.now(), null))));
            }
        } else if (random.nextDouble() < 0.55) {
            Instant closeAt = calendar.plus(openedAt, Duration.ofHours(80));
            schedule(closeAt, () -> step(followUpId, (id, version) -> loop.followUps().close(id, version,
                    Closure.of("no-contact-possible", agent, loop.now(), null))));
        }
        // otherwise nobody ever picks it up: it stays open and overdue
    }

    /**
     * Takes one step on a follow-up with the version the team last saw, as a host with optimistic versions does:
     * no read first; when an escalation changed the follow-up since, the step fails with a version conflict, and the
     * team reads it again and retries.
     */
    private void step(String followUpId, BiFunction<String, Long, FollowUp> action) {
        FollowUp updated;
        try {
            updated = action.apply(followUpId, seen.get(followUpId));
        } catch (VersionConflictException e) {
            FollowUp current = loop.followUps().followUp(followUpId);
            updated = action.apply(followUpId, current.version());
        }
        seen.put(followUpId, updated.version());
    }

    private String agentFor(String owner) {
        if (owner.equals(Scenario.CS_OWNER)) {
            return Scenario.CS_TEAM.get(random.nextInt(Scenario.CS_TEAM.size()));
        }
        if (owner.equals(Scenario.SUPPORT_OWNER)) {
            return Scenario.SUPPORT_LEADS.get(random.nextInt(Scenario.SUPPORT_LEADS.size()));
        }
        return owner;
    }

    // ---- the numbers behind the answers -----------------------------------------------------------------------

    private int npsScore(DemoCustomer customer, Month month) {
        double mean = 8.1 + customer.mood() + NPS_MONTH[month.ordinal()] + planEffect(customer)
                + regionEffect(customer);
        return clamp((int) Math.round(mean + 1.6 * random.nextGaussian()), 0, 10);
    }

    private int csatScore(DemoCustomer customer, Month month) {
        double mean = 4.2 + 0.5 * customer.mood() + CSAT_MONTH[month.ordinal()] + regionEffect(customer);
        return clamp((int) Math.round(mean + 0.9 * random.nextGaussian()), 1, 5);
    }

    private int cesScore(DemoCustomer customer, Month month) {
        double mean = 5.4 + 0.5 * customer.mood() + 1.3 * CSAT_MONTH[month.ordinal()] + regionEffect(customer);
        return clamp((int) Math.round(mean + 1.3 * random.nextGaussian()), 1, 7);
    }

    private static double planEffect(DemoCustomer customer) {
        return switch (customer.plan()) {
            case "Enterprise" -> -0.3;
            case "Growth" -> 0.3;
            default -> 0.0;
        };
    }

    private static double regionEffect(DemoCustomer customer) {
        // support works European hours, so APAC customers wait longest
        return customer.region().equals("APAC") ? -0.35 : 0.0;
    }

    private List<String> whatWentWrong() {
        String[] reasons = {"slow-response", "passed-around", "had-to-repeat", "docs-unclear", "still-unresolved"};
        var chosen = new ArrayList<String>();
        for (String reason : reasons) {
            if (random.nextDouble() < 0.3) {
                chosen.add(reason);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(reasons[random.nextInt(reasons.length)]);
        }
        return chosen;
    }

    private String comment(String[] options, double chance) {
        return random.nextDouble() < chance ? options[random.nextInt(options.length)] : "";
    }

    private String pickOf(java.util.Set<String> values) {
        List<String> sorted = values.stream().sorted().toList();
        return sorted.get(random.nextInt(sorted.size()));
    }

    private Instant randomTime(LocalDate day) {
        int minute = 7 * 60 + random.nextInt(14 * 60);
        return day.atTime(LocalTime.of(minute / 60, minute % 60, random.nextInt(60))).atZone(Scenario.ZONE)
                .toInstant();
    }

    private LocalDate nextWorkday(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private void schedule(Instant at, Runnable action) {
        if (at.isBefore(clock.instant())) {
            throw new IllegalStateException("event at " + at + " is before the clock's " + clock.instant());
        }
        queue.add(new Event(at, sequence++, action));
    }

    private record Event(Instant at, long sequence, Runnable action) {
    }
}
