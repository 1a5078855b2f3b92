package dev.feedbackloop.examples.webapp.programme;

import dev.feedbackloop.core.care.CarePlan;
import dev.feedbackloop.core.care.CareTier;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.EscalationStep;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.OwnerRule;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Trigger;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.spring.boot.FeedbackLoopBuilderCustomizer;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The host's feedback programme: who must answer which unhappy customer, how fast, in which working hours, and how
 * often each tier of customer is contacted; the clock and the keys that sign invitation links. These are the
 * decisions a host makes; everything else is the library's. Each is a bean, which the Feedback Loop starter hands to
 * the {@link dev.feedbackloop.core.FeedbackLoop} it builds over the application's data source: the policies in order,
 * the calendar, the care plan, the clock, the invitations, and the resolution taxonomy through a
 * {@link FeedbackLoopBuilderCustomizer}.
 *
 * <p>Stateless and thread-safe.
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackProgramme {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackProgramme.class);

    /** The relationship survey. */
    public static final String RELATIONSHIP = "relationship-nps";
    /** The survey after a support case. */
    public static final String SUPPORT = "support-csat";

    /** The customer attribute that names the care tier. */
    public static final String TIER = "tier";
    /** The customer attribute that names the account manager. */
    public static final String ACCOUNT_OWNER = "accountOwner";
    /** The customer attribute that holds the company name; never part of an invitation or a log line. */
    public static final String NAME = "name";
    /** The segment attributes an invitation carries and the dashboard groups by. */
    public static final List<String> SEGMENTS = List.of(TIER, "plan", "region");

    /** The zone of working hours and of every period on the dashboard. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Trigger STRATEGIC = Trigger.segment(TIER, "strategic");

    /** The share of follow-ups first contacted within the deadline that the team aims for, in percent. */
    public static final double ON_TIME_TARGET = 80;

    /** How a follow-up may be resolved. */
    public static final Set<String> RESOLUTION_CODES = Set.of("explained", "fixed", "credit-issued",
            "escalated-to-product", "training-offered");
    /** What caused the unhappiness. */
    public static final Set<String> ROOT_CAUSES = Set.of("bug", "billing", "onboarding", "support-wait",
            "missing-feature", "performance");

    /** Created by Spring. */
    public FeedbackProgramme() {
    }

    /**
     * Monday to Friday, 09:00 to 17:00 in {@link #ZONE}: the loop's calendar, and the dashboard's.
     *
     * @return the calendar
     */
    @Bean
    public static BusinessCalendar calendar() {
        return BusinessCalendar.builder(ZONE).hours(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .workdays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)).build();
    }

    /**
     * Strategic accounts every quarter, key accounts twice a year, everyone once a year.
     *
     * @return the care plan
     */
    @Bean
    public static CarePlan carePlan() {
        return CarePlan.of(CareTier.byAttribute("strategic", TIER, "strategic", Duration.ofDays(90)),
                CareTier.byAttribute("key", TIER, "key", Duration.ofDays(182)),
                CareTier.everyone("everyone", Duration.ofDays(365)));
    }

    /**
     * Restricts how agents may resolve a follow-up and name its cause to {@link #RESOLUTION_CODES} and
     * {@link #ROOT_CAUSES}.
     *
     * @return the customizer of the loop's builder
     */
    @Bean
    public FeedbackLoopBuilderCustomizer taxonomy() {
        return builder -> builder.taxonomy(RESOLUTION_CODES, ROOT_CAUSES);
    }

    /**
     * The clock of the loop, which the demo data moves while it plays the past weeks.
     *
     * @return the clock
     */
    @Bean
    public DemoClock demoClock() {
        return new DemoClock();
    }

    /**
     * The invitations: tokens signed with the key in {@code feedbackloop.invitations.secret} (base64, 32 bytes or
     * more), or with a random key when none is set, in which case links end with the process. The starter records
     * redeemed tokens in the application's database, so a link stays used across restarts.
     *
     * @param secret the base64 secret, or empty
     * @return the invitations
     */
    @Bean
    public Invitations invitations(@Value("${feedbackloop.invitations.secret:}") String secret) {
        byte[] key;
        if (secret.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            LOG.info("Invitation links are signed with a key made for this run; set feedbackloop.invitations.secret "
                    + "(base64, 32 bytes) to keep them valid across restarts");
        } else {
            key = Base64.getDecoder().decode(secret.trim());
        }
        return Invitations.builder().signWith(SigningKey.of("web1", key)).build();
    }

    /**
     * Detractors at strategic accounts: urgent, four working hours to the first contact, escalated to the owner.
     *
     * @return the policy
     */
    @Bean
    @Order(1)
    public FollowUpPolicy strategicDetractor() {
        return FollowUpPolicy.builder("strategic-detractor")
                .when(Trigger.npsDetractor("nps").and(STRATEGIC))
                .reason("Detractor at a strategic account")
                .priority(Priority.URGENT)
                .owner(OwnerRule.attribute(ACCOUNT_OWNER, "cs-team"))
                .firstContactWithin(Duration.ofHours(4))
                .resolveWithin(Duration.ofHours(40))
                .escalate(EscalationStep.toOwner(DeadlineKind.FIRST_CONTACT, Duration.ZERO))
                .build();
    }

    /**
     * Every other detractor: the account manager, or the customer-success team, within two working days.
     *
     * @return the policy
     */
    @Bean
    @Order(2)
    public FollowUpPolicy npsDetractor() {
        return FollowUpPolicy.builder("nps-detractor")
                .when(Trigger.npsDetractor("nps").and(STRATEGIC.negate()))
                .reason("NPS detractor (0-6)")
                .priority(Priority.HIGH)
                .owner(OwnerRule.attribute(ACCOUNT_OWNER, "cs-team"))
                .firstContactWithin(Duration.ofHours(16))
                .build();
    }

    /**
     * A support case rated 1 or 2 of 5: the support leads, within a working day.
     *
     * @return the policy
     */
    @Bean
    @Order(3)
    public FollowUpPolicy poorSupport() {
        return FollowUpPolicy.builder("poor-support")
                .when(Trigger.bottomBoxes("csat", 2))
                .reason("Unhappy with support (CSAT 1-2)")
                .priority(Priority.NORMAL)
                .owner(OwnerRule.fixed("support-leads"))
                .firstContactWithin(Duration.ofHours(8))
                .build();
    }
}
