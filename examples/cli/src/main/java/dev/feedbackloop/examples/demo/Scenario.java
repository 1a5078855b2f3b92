package dev.feedbackloop.examples.demo;

import dev.feedbackloop.core.care.CarePlan;
import dev.feedbackloop.core.care.CareTier;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.EscalationStep;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.OwnerRule;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Trigger;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The demo's world: a software company's three surveys, its customer base with tiers, plans and regions, its
 * follow-up policies with business-hours deadlines, its care plan and its people. Everything is fixed or drawn from
 * one seeded {@link Random}, so every run builds the same world.
 *
 * <p>Immutable after construction.
 */
final class Scenario {

    static final String NPS_SURVEY = "relationship-nps";
    static final String CSAT_SURVEY = "support-csat";
    static final String CES_SURVEY = "support-ces";
    static final String NPS = "nps";
    static final String REASON = "reason";
    static final String CSAT = "csat";
    static final String COMMENT = "comment";
    static final String CES = "ces";
    static final String WHAT_WENT_WRONG = "what-went-wrong";

    static final String TIER = "tier";
    static final String PLAN = "plan";
    static final String REGION = "region";
    static final String NAME = "name";
    static final String ACCOUNT_OWNER = "accountOwner";

    static final String STRATEGIC = "strategic";
    static final String KEY = "key";
    static final String STANDARD = "standard";

    static final String POLICY_STRATEGIC = "strategic-detractor";
    static final String POLICY_NPS = "nps-detractor";
    static final String POLICY_CSAT = "poor-support";
    static final String POLICY_CES = "hard-to-resolve";

    /** The zone of the business calendar and of every period label. */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** The simulated year starts here. */
    static final Instant START = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZONE).toInstant();
    /** "Now": the simulation ends and every report is taken at this instant. */
    static final Instant END = ZonedDateTime.of(2025, 12, 12, 16, 30, 0, 0, ZONE).toInstant();

    static final List<String> ACCOUNT_MANAGERS = List.of("maria.lopez", "tom.becker", "aiko.sato");
    static final List<String> CS_TEAM = List.of("ana", "ben", "chloe");
    static final List<String> SUPPORT_LEADS = List.of("dev", "eli");
    static final String CS_OWNER = "cs-team";
    static final String SUPPORT_OWNER = "support-leads";

    static final Set<String> RESOLUTION_CODES = Set.of("explained", "fixed", "credit-issued", "escalated-to-product",
            "training-offered");
    static final Set<String> ROOT_CAUSES = Set.of("bug", "billing", "onboarding", "support-wait", "missing-feature",
            "performance");

    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 18),
            LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 29), LocalDate.of(2025, 6, 9),
            LocalDate.of(2025, 10, 3), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26));

    private static final String[] PREFIXES = {"Alder", "Brightwater", "Cobalt", "Driftwood", "Ember", "Fjord",
        "Granite", "Harbor", "Ironbark", "Juniper", "Kestrel", "Lumen", "Meridian", "Northwind", "Orchard", "Pioneer",
        "Quarry", "Redwood", "Saltmarsh", "Tidewater", "Umber", "Vantage", "Willow", "Yarrow", "Zephyr"};
    private static final String[] SUFFIXES = {"Logistics", "Health", "Foods", "Analytics", "Retail", "Energy",
        "Media", "Labs", "Finance", "Travel", "Studios", "Robotics", "Clinics", "Outfitters", "Legal", "Freight"};

    private final Survey npsSurvey;
    private final Survey csatSurvey;
    private final Survey cesSurvey;
    private final List<DemoCustomer> customers;

    private Scenario(List<DemoCustomer> customers) {
        this.npsSurvey = Survey.builder(NPS_SURVEY, 1).title("Relationship NPS")
                .question(NpsQuestion.standard(NPS))
                .question(TextQuestion.optional(REASON, "What is the main reason for your score?"))
                .build();
        this.csatSurvey = Survey.builder(CSAT_SURVEY, 1).title("Post-support satisfaction")
                .question(RatingQuestion.csat(CSAT, "How satisfied are you with the support you received?", 5))
                .question(TextQuestion.optional(COMMENT, "Anything we could have done better?"))
                .build();
        this.cesSurvey = Survey.builder(CES_SURVEY, 1).title("Customer effort after a support case")
                .question(RatingQuestion.cesAgreement(CES, "The company made it easy for me to handle my issue.", 7))
                .question(ChoiceQuestion.builder(WHAT_WENT_WRONG, "What went wrong?")
                        .option("slow-response", "It took too long to get an answer")
                        .option("passed-around", "I was passed between people")
                        .option("had-to-repeat", "I had to explain my issue more than once")
                        .option("docs-unclear", "The documentation did not help")
                        .option("still-unresolved", "My issue is still not resolved")
                        .multiple(1, 5)
                        .condition(Condition.atMost(CES, 3))
                        .build())
                .build();
        this.customers = List.copyOf(customers);
    }

    /** Whether {@link #END} cuts a month short, so that its figures cover only part of it. */
    static boolean isCutShort(YearMonth month) {
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        return END.isBefore(monthEnd) && !END.isBefore(month.atDay(1).atStartOfDay(ZONE).toInstant());
    }

    /** Builds the world from a seed. */
    static Scenario generate(long seed) {
        var random = new Random(seed);
        var customers = new ArrayList<DemoCustomer>();
        int strategic = 25;
        int key = 75;
        int standard = 300;
        String[] regions = {"EMEA", "Americas", "APAC"};
        double[] regionWeights = {0.5, 0.32, 0.18};
        var usedNames = new java.util.HashSet<String>();
        for (int i = 0; i < strategic + key + standard; i++) {
            String tier = i < strategic ? STRATEGIC : i < strategic + key ? KEY : STANDARD;
            String plan = switch (tier) {
                case STRATEGIC -> "Enterprise";
                case KEY -> random.nextDouble() < 0.6 ? "Enterprise" : "Growth";
                default -> random.nextDouble() < 0.35 ? "Growth" : "Start-up & SMB";
            };
            String region = regions[pick(random, regionWeights)];
            int users = switch (tier) {
                case STRATEGIC -> 12 + random.nextInt(10);
                case KEY -> 5 + random.nextInt(6);
                default -> 2 + random.nextInt(5);
            };
            String name;
            do {
                name = PREFIXES[random.nextInt(PREFIXES.length)] + " " + SUFFIXES[random.nextInt(SUFFIXES.length)];
            } while (!usedNames.add(name));
            // how willing this customer's people are to answer surveys; a few never answer at all
            double engagement = random.nextDouble() < 0.07 ? 0.0 : 0.15 + 0.5 * random.nextDouble();
            double mood = random.nextGaussian() * 0.55;
            String owner = tier.equals(STANDARD) ? null : ACCOUNT_MANAGERS.get(i % ACCOUNT_MANAGERS.size());
            customers.add(new DemoCustomer(String.format(java.util.Locale.ROOT, "C%04d", i + 1), name, tier, plan,
                    region, owner, users, engagement, mood));
        }
        // two customers whose names carry characters that every report must escape
        customers.set(7, customers.get(7).renamed("Hart & Hale Logistics"));
        customers.set(strategic + key + 11, customers.get(strategic + key + 11).renamed("Tags <&> Labels GmbH")
                .silent());
        return new Scenario(customers);
    }

    private static int pick(Random random, double[] weights) {
        double x = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    Survey npsSurvey() {
        return npsSurvey;
    }

    Survey csatSurvey() {
        return csatSurvey;
    }

    Survey cesSurvey() {
        return cesSurvey;
    }

    List<Survey> surveys() {
        return List.of(npsSurvey, csatSurvey, cesSurvey);
    }

    List<DemoCustomer> customers() {
        return customers;
    }

    /** Customers by id, in id order. */
    Map<String, DemoCustomer> customersById() {
        var byId = new LinkedHashMap<String, DemoCustomer>();
        customers.forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    /** Monday to Friday, 09:00–17:00 in {@link #ZONE}, with the public holidays of the year. */
    static BusinessCalendar calendar() {
        return BusinessCalendar.builder(ZONE).hours(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .workdays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)).holidays(HOLIDAYS).build();
    }

    /** Strategic accounts every quarter, key accounts twice a year, everyone once a year. */
    static CarePlan carePlan() {
        return CarePlan.of(CareTier.byAttribute(STRATEGIC, TIER, STRATEGIC, Duration.ofDays(90)),
                CareTier.byAttribute(KEY, TIER, KEY, Duration.ofDays(182)),
                CareTier.everyone("everyone", Duration.ofDays(365)));
    }

    /** The follow-up policies, deadlines in working hours of {@link #calendar()}. */
    static List<FollowUpPolicy> policies() {
        Trigger strategicAccount = Trigger.segment(TIER, STRATEGIC);
        return List.of(
                FollowUpPolicy.builder(POLICY_STRATEGIC)
                        .when(Trigger.npsDetractor(NPS).and(strategicAccount))
                        .reason("Detractor at a strategic account")
                        .priority(Priority.URGENT)
                        .owner(OwnerRule.attribute(ACCOUNT_OWNER, CS_OWNER))
                        .firstContactWithin(Duration.ofHours(4))
                        .resolveWithin(Duration.ofHours(40))
                        .escalate(EscalationStep.toOwner(DeadlineKind.FIRST_CONTACT, Duration.ZERO))
                        .escalate(EscalationStep.to(DeadlineKind.FIRST_CONTACT, Duration.ofHours(4), "head-of-cs"))
                        .build(),
                FollowUpPolicy.builder(POLICY_NPS)
                        .when(Trigger.npsDetractor(NPS).and(strategicAccount.negate()))
                        .reason("NPS detractor (0-6)")
                        .priority(Priority.HIGH)
                        .owner(OwnerRule.attribute(ACCOUNT_OWNER, CS_OWNER))
                        .firstContactWithin(Duration.ofHours(16))
                        .build(),
                FollowUpPolicy.builder(POLICY_CSAT)
                        .when(Trigger.bottomBoxes(CSAT, 2))
                        .reason("Unhappy with support (CSAT 1-2)")
                        .priority(Priority.NORMAL)
                        .owner(OwnerRule.fixed(SUPPORT_OWNER))
                        .firstContactWithin(Duration.ofHours(8))
                        .build(),
                FollowUpPolicy.builder(POLICY_CES)
                        .when(Trigger.bottomBoxes(CES, 2).or(Trigger.choice(WHAT_WENT_WRONG, "still-unresolved")))
                        .reason("Hard to get help, or still unresolved")
                        .priority(Priority.NORMAL)
                        .owner(OwnerRule.fixed(SUPPORT_OWNER))
                        .firstContactWithin(Duration.ofHours(16))
                        .build());
    }

    /**
     * One customer account of the demo, with the hidden traits that drive its generated answers.
     *
     * @param id the customer id
     * @param name the company name
     * @param tier {@code strategic}, {@code key} or {@code standard}
     * @param plan the plan
     * @param region the region
     * @param accountOwner the account manager, or {@code null} for standard accounts
     * @param users how many people at the customer may answer surveys
     * @param engagement how likely one of them answers an invitation, 0..1
     * @param mood the account's lean above or below the average rating, in rating points
     */
    record DemoCustomer(String id, String name, String tier, String plan, String region,
                        @org.jspecify.annotations.Nullable String accountOwner, int users, double engagement,
                        double mood) {

        DemoCustomer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(region, "region");
        }

        /** The segment attributes carried by the customer record and by every response. */
        Map<String, String> attributes() {
            var attributes = new LinkedHashMap<String, String>();
            attributes.put(NAME, name);
            attributes.put(TIER, tier);
            attributes.put(PLAN, plan);
            attributes.put(REGION, region);
            if (accountOwner != null) {
                attributes.put(ACCOUNT_OWNER, accountOwner);
            }
            return attributes;
        }

        /** The customer as the care plan sees it. */
        Customer asCustomer() {
            return Customer.of(id, attributes());
        }

        DemoCustomer renamed(String newName) {
            return new DemoCustomer(id, newName, tier, plan, region, accountOwner, users, engagement, mood);
        }

        DemoCustomer silent() {
            return new DemoCustomer(id, name, tier, plan, region, accountOwner, users, 0.0, mood);
        }
    }
}
