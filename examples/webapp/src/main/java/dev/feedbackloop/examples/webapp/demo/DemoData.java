package dev.feedbackloop.examples.webapp.demo;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.examples.webapp.programme.DemoClock;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seeds a live-looking programme on the first start (when no customer is registered yet): 48 customers in three
 * care tiers, calls over the past months, and six weeks of relationship and support answers played in time order
 * through the library, with agents who contact and resolve most follow-ups on time, some late, and leave a few
 * open. The loop's {@link DemoClock} stands at each event's instant while it is played, so deadlines, "did we
 * respond?" and care coverage come out as they would have. Runs before the server takes requests; drawn from a fixed
 * seed, relative to the start.
 *
 * <p>Not thread-safe; runs once, at start.
 */
@Component
class DemoData implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long SEED = 20_250_601L;
    private static final Duration PLAYED = Duration.ofDays(42);

    private static final String[] PREFIXES = {"Alder", "Brightwater", "Cobalt", "Driftwood", "Ember", "Fjord",
        "Granite", "Harbor", "Ironbark", "Juniper", "Kestrel", "Lumen", "Meridian", "Northwind", "Orchard", "Pioneer"};
    private static final String[] SUFFIXES = {"Logistics", "Health", "Foods", "Analytics", "Retail", "Energy",
        "Media", "Labs", "Finance", "Travel", "Studios", "Robotics"};
    private static final List<String> ACCOUNT_MANAGERS = List.of("maria.lopez", "tom.becker", "aiko.sato");
    private static final List<String> TEAM = List.of("ana", "ben", "chloe");
    private static final List<String> DETRACTOR_WORDS = List.of(
            "Support took four days to answer a blocking ticket.",
            "The last release broke our export and nobody told us.",
            "Too expensive for what we use.",
            "We still cannot run reports per region, we asked a year ago.",
            "Onboarding new colleagues is painful.",
            "Invoices were wrong twice this quarter.");
    private static final List<String> PASSIVE_WORDS = List.of("Works, but it is slow at month end.",
            "Fine overall.", "Good product, the mobile app needs work.");
    private static final List<String> PROMOTER_WORDS = List.of("Our account manager is great.",
            "Saves us hours every week.", "Reliable and easy to use.");
    private static final List<String> SUPPORT_WORDS = List.of("I had to explain the problem three times.",
            "Nobody called back.", "The answer did not fix it.");

    private final FeedbackLoop loop;
    private final DemoClock clock;
    private final boolean enabled;
    private final Random random = new Random(SEED);
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Map<String, Customer> customers = new HashMap<>();
    private int sequence;

    DemoData(FeedbackLoop loop, DemoClock clock, @Value("${feedbackloop.demo.seed:true}") boolean enabled) {
        this.loop = loop;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled || loop.care().findCustomer(customerId(1)).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        try {
            seed(now);
        } finally {
            clock.backToNow();
        }
        var followUps = new ArrayList<FollowUp>();
        loop.forEachFollowUp(followUps::add);
        LOG.info("Demo data: {} customers, {} responses over the past {} days, {} follow-ups", customers.size(),
                sequence, PLAYED.toDays(), followUps.size());
    }

    private void seed(Instant now) {
        Instant start = now.minus(PLAYED);
        clock.travelTo(start.minus(Duration.ofDays(300)));
        for (int i = 1; i <= 48; i++) {
            String tier = i <= 6 ? "strategic" : i <= 18 ? "key" : "standard";
            var attributes = new HashMap<String, String>();
            attributes.put(FeedbackProgramme.TIER, tier);
            attributes.put("plan", tier.equals("standard") ? (i % 3 == 0 ? "Growth" : "Start-up") : "Enterprise");
            attributes.put("region", List.of("EMEA", "Americas", "APAC").get(i % 3));
            attributes.put(FeedbackProgramme.NAME, i == 23 ? "Tags <&> Labels GmbH"
                    : PREFIXES[i % PREFIXES.length] + " " + SUFFIXES[(i * 7) % SUFFIXES.length]);
            if (!tier.equals("standard")) {
                attributes.put(FeedbackProgramme.ACCOUNT_OWNER, ACCOUNT_MANAGERS.get(i % ACCOUNT_MANAGERS.size()));
            }
            Customer customer = Customer.of(customerId(i), attributes);
            customers.put(customer.id(), customer);
            loop.care().registerCustomer(customer);
            scheduleCalls(customer, tier, now);
            if (i % 8 != 5) {
                // every eighth customer never answers
                at(start.plus(randomDuration(PLAYED.minusDays(2))), () -> answerRelationship(customer));
            }
            if (i % 3 == 1) {
                at(start.plus(randomDuration(PLAYED.minusDays(1))), () -> answerSupport(customer));
            }
        }
        while (!events.isEmpty()) {
            Event event = events.poll();
            if (event.at().isAfter(now)) {
                break;
            }
            clock.travelTo(event.at());
            event.action().run();
        }
    }

    /** Calls by the account manager: recent for most, long ago for some, never for a few. */
    private void scheduleCalls(Customer customer, String tier, Instant now) {
        String owner = customer.attribute(FeedbackProgramme.ACCOUNT_OWNER);
        String actor = owner == null ? TEAM.get(random.nextInt(TEAM.size())) : owner;
        double draw = random.nextDouble();
        int daysAgo = switch (tier) {
            case "strategic" -> draw < 0.5 ? 10 + random.nextInt(60) : 100 + random.nextInt(60);
            case "key" -> draw < 0.6 ? 20 + random.nextInt(140) : 190 + random.nextInt(80);
            default -> draw < 0.3 ? 30 + random.nextInt(250) : -1;
        };
        if (daysAgo >= 0) {
            Instant at = now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(random.nextInt(8)));
            at(at, () -> loop.care().recordTouch(Touch.contact(customer.id(), TouchKind.CALL, at, actor,
                    "Quarterly check-in")));
        }
    }

    private void answerRelationship(Customer customer) {
        Survey survey = survey(FeedbackProgramme.RELATIONSHIP);
        int nps = Math.max(0, Math.min(10, (int) Math.round(8.1 + random.nextGaussian() * 1.9)));
        Response.Builder response = response(survey, customer);
        response.answer("nps", Answer.rating(nps));
        if (nps <= 6) {
            response.answer("what-went-wrong", Answer.choice(
                    List.of("quality", "support", "price", "missing-feature").get(random.nextInt(4))));
            response.answer("callback", Answer.yesNo(random.nextBoolean()));
        }
        if (random.nextDouble() < 0.7) {
            List<String> words = nps <= 6 ? DETRACTOR_WORDS : nps <= 8 ? PASSIVE_WORDS : PROMOTER_WORDS;
            response.answer("reason", Answer.text(words.get(random.nextInt(words.size()))));
        }
        handle(loop.submit(response.build()));
    }

    private void answerSupport(Customer customer) {
        Survey survey = survey(FeedbackProgramme.SUPPORT);
        int csat = Math.max(1, Math.min(5, (int) Math.round(3.9 + random.nextGaussian() * 1.2)));
        int ces = Math.max(1, Math.min(7, csat + 1 + random.nextInt(3) - 1));
        boolean resolved = csat >= 3 || random.nextBoolean();
        Response.Builder response = response(survey, customer)
                .answer("csat", Answer.rating(csat))
                .answer("ces", Answer.rating(ces))
                .answer("channel", Answer.choice(List.of("phone", "email", "chat").get(random.nextInt(3))))
                .answer("resolved", Answer.yesNo(resolved));
        if ((!resolved || csat <= 2) && random.nextDouble() < 0.8) {
            response.answer("comment", Answer.text(SUPPORT_WORDS.get(random.nextInt(SUPPORT_WORDS.size()))));
        }
        handle(loop.submit(response.build()));
    }

    /** Plays the agents: most follow-ups contacted within the deadline, some late, a few left open. */
    private void handle(Receipt receipt) {
        for (String followUpId : receipt.followUpIds()) {
            FollowUp followUp = loop.followUps().followUp(followUpId);
            String agent = agentFor(followUp);
            double draw = random.nextDouble();
            Duration window = Duration.between(followUp.openedAt(), followUp.firstContactDue());
            Duration delay;
            if (draw < 0.72) {
                delay = randomDuration(window.multipliedBy(9).dividedBy(10)).plusMinutes(5);
            } else if (draw < 0.87) {
                delay = window.plus(Duration.ofHours(2 + random.nextInt(40)));
            } else {
                continue;
            }
            at(followUp.openedAt().plus(delay), () -> contact(followUpId, agent));
        }
    }

    private void contact(String followUpId, String agent) {
        FollowUp followUp = loop.followUps().followUp(followUpId);
        Instant contactedAt = loop.now();
        loop.followUps().contact(followUpId, followUp.version(), Contact.of(random.nextBoolean() ? "phone" : "email",
                agent, contactedAt, "Talked it through and agreed next steps."));
        double draw = random.nextDouble();
        Instant later = contactedAt.plus(Duration.ofHours(6 + random.nextInt(60)));
        if (draw < 0.7) {
            at(later, () -> {
                FollowUp current = loop.followUps().followUp(followUpId);
                loop.followUps().resolve(followUpId, current.version(), Resolution.of(
                        pick(FeedbackProgramme.RESOLUTION_CODES), pick(FeedbackProgramme.ROOT_CAUSES), agent,
                        loop.now(), "Fixed and confirmed with the customer."));
            });
        } else if (draw < 0.8) {
            at(later, () -> {
                FollowUp current = loop.followUps().followUp(followUpId);
                loop.followUps().close(followUpId, current.version(), Closure.of("customer-declined", agent,
                        loop.now(), "The customer did not want to pursue it."));
            });
        }
    }

    private String agentFor(FollowUp followUp) {
        String owner = followUp.owner();
        if (ACCOUNT_MANAGERS.contains(owner)) {
            return owner;
        }
        return owner.equals("support-leads") ? List.of("dev", "eli").get(random.nextInt(2))
                : TEAM.get(random.nextInt(TEAM.size()));
    }

    private Response.Builder response(Survey survey, Customer customer) {
        var segment = new HashMap<String, String>();
        for (String name : FeedbackProgramme.SEGMENTS) {
            segment.put(name, customer.attribute(name));
        }
        String owner = customer.attribute(FeedbackProgramme.ACCOUNT_OWNER);
        if (owner != null) {
            segment.put(FeedbackProgramme.ACCOUNT_OWNER, owner);
        }
        sequence++;
        return Response.builder(String.format(Locale.ROOT, "seed-%04d", sequence), survey, clock.instant())
                .channel("email").respondent(Respondent.of(customer.id(), segment));
    }

    private Survey survey(String id) {
        List<Survey> versions = loop.surveyVersions(id);
        return versions.get(versions.size() - 1);
    }

    private String pick(java.util.Set<String> values) {
        List<String> sorted = values.stream().sorted().toList();
        return sorted.get(random.nextInt(sorted.size()));
    }

    private Duration randomDuration(Duration max) {
        return Duration.ofSeconds((long) (random.nextDouble() * max.toSeconds()));
    }

    private void at(Instant at, Runnable action) {
        events.add(new Event(at, events.size() + (long) sequence * 1_000_000, action));
    }

    private static String customerId(int i) {
        return String.format(Locale.ROOT, "C%04d", i);
    }

    /** Something to play at an instant; the tie-break keeps the order of scheduling. */
    private record Event(Instant at, long order, Runnable action) implements Comparable<Event> {

        @Override
        public int compareTo(Event other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
