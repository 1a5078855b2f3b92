package dev.feedbackloop.core.followup;

import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A rule that decides which responses need a human answer, and how: reason, priority, owner, deadlines and
 * escalation steps. A response opens at most one follow-up per policy. Immutable and thread-safe (given
 * thread-safe triggers and owner rules).
 *
 * <p>Deadlines are working time on the loop's {@link BusinessCalendar}. Without explicit escalation steps, a
 * missed deadline escalates once to the owner.
 *
 * <pre>{@code
 * FollowUpPolicy policy = FollowUpPolicy.builder("enterprise-detractor")
 *         .when(Trigger.npsDetractor("nps").and(Trigger.segment("plan", "enterprise")))
 *         .reason("Enterprise detractor")
 *         .priority(Priority.URGENT)
 *         .owner(OwnerRule.attribute("accountOwner", "cs-team"))
 *         .firstContactWithin(Duration.ofHours(4))
 *         .resolveWithin(Duration.ofDays(5))
 *         .escalate(EscalationStep.toOwner(DeadlineKind.FIRST_CONTACT, Duration.ZERO))
 *         .escalate(EscalationStep.to(DeadlineKind.FIRST_CONTACT, Duration.ofHours(4), "team-lead"))
 *         .build();
 * }</pre>
 */
public final class FollowUpPolicy {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String id;
    private final Trigger trigger;
    private final String reason;
    private final Priority priority;
    private final OwnerRule owner;
    private final Duration firstContactWithin;
    private final @Nullable Duration resolveWithin;
    private final List<EscalationStep> escalation;

    private FollowUpPolicy(Builder builder, Trigger trigger) {
        this.id = builder.id;
        this.trigger = trigger;
        this.reason = builder.reason == null ? builder.id : builder.reason;
        this.priority = builder.priority;
        this.owner = builder.owner;
        this.firstContactWithin = builder.firstContactWithin;
        this.resolveWithin = builder.resolveWithin;
        List<EscalationStep> steps = List.copyOf(builder.escalation);
        if (steps.isEmpty()) {
            var defaults = new ArrayList<EscalationStep>();
            defaults.add(EscalationStep.toOwner(DeadlineKind.FIRST_CONTACT, Duration.ZERO));
            if (resolveWithin != null) {
                defaults.add(EscalationStep.toOwner(DeadlineKind.RESOLUTION, Duration.ZERO));
            }
            steps = List.copyOf(defaults);
        }
        this.escalation = steps;
    }

    /**
     * Starts a policy.
     *
     * @param id the policy id, unique within a loop: 1–64 letters, digits, {@code . _ -}, starting with a letter or
     *     digit
     * @return a builder
     * @throws IllegalArgumentException if the id is malformed
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * Returns the stock NPS detractor policy: id {@code "nps-detractor"}, answers 0–6 on the question, priority
     * {@code HIGH}, owner {@code "customer-success"}, first contact within the given working time.
     *
     * @param npsQuestionId the NPS question id
     * @param firstContactWithin the first-contact deadline in working time
     * @return the policy
     */
    public static FollowUpPolicy npsDetractors(String npsQuestionId, Duration firstContactWithin) {
        return builder("nps-detractor").when(Trigger.npsDetractor(npsQuestionId))
                .reason("NPS detractor (0-6) on " + npsQuestionId).priority(Priority.HIGH)
                .owner(OwnerRule.fixed("customer-success")).firstContactWithin(firstContactWithin).build();
    }

    /**
     * Returns the stock low-rating policy for CSAT or CES: id {@code "low-<questionId>"}, the bottom boxes of the
     * scale, priority {@code NORMAL}, owner {@code "customer-success"}.
     *
     * @param ratingQuestionId the rating question id
     * @param bottomBoxes how many points at the bad end trigger
     * @param firstContactWithin the first-contact deadline in working time
     * @return the policy
     */
    public static FollowUpPolicy lowRatings(String ratingQuestionId, int bottomBoxes, Duration firstContactWithin) {
        return builder("low-" + ratingQuestionId).when(Trigger.bottomBoxes(ratingQuestionId, bottomBoxes))
                .reason("Bottom " + bottomBoxes + " box(es) on " + ratingQuestionId).priority(Priority.NORMAL)
                .owner(OwnerRule.fixed("customer-success")).firstContactWithin(firstContactWithin).build();
    }

    /**
     * Returns the policy id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the reason recorded on follow-ups.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the priority of follow-ups.
     *
     * @return the priority
     */
    public Priority priority() {
        return priority;
    }

    /**
     * Returns the first-contact deadline in working time.
     *
     * @return the duration
     */
    public Duration firstContactWithin() {
        return firstContactWithin;
    }

    /**
     * Returns the resolution deadline in working time.
     *
     * @return the duration, or {@code null} when none is set
     */
    public @Nullable Duration resolveWithin() {
        return resolveWithin;
    }

    /**
     * Returns the escalation steps, in the order given.
     *
     * @return the steps; unmodifiable
     */
    public List<EscalationStep> escalation() {
        return escalation;
    }

    /**
     * Returns whether a response needs a follow-up under this policy.
     *
     * @param survey the survey version answered
     * @param response the validated response
     * @return {@code true} if it triggers
     */
    public boolean triggers(Survey survey, Response response) {
        return trigger.test(survey, response);
    }

    /**
     * Returns the owner of a follow-up for a response.
     *
     * @param response the response
     * @return the owner
     * @throws IllegalStateException if the owner rule returns a blank owner
     */
    public String ownerFor(Response response) {
        String chosen = owner.ownerFor(response);
        if (chosen == null || chosen.isBlank()) {
            throw new IllegalStateException("policy '" + id + "': owner rule returned a blank owner for response '"
                    + response.id() + "'");
        }
        return chosen;
    }

    /**
     * Opens the follow-up for a triggering response.
     *
     * @param survey the survey version answered
     * @param response the response
     * @param openedAt when it opens
     * @param calendar the calendar that counts working time
     * @return the open follow-up
     */
    public FollowUp open(Survey survey, Response response, Instant openedAt, BusinessCalendar calendar) {
        Objects.requireNonNull(survey, "survey");
        return FollowUp.open(response.id(), response.surveyId(), id, reason, priority, ownerFor(response),
                response.respondent().customerId(), response.respondent().attributes(), openedAt,
                calendar.plus(openedAt, firstContactWithin),
                resolveWithin == null ? null : calendar.plus(openedAt, resolveWithin));
    }

    @Override
    public String toString() {
        return "FollowUpPolicy[" + id + ", " + priority + ", first contact within " + firstContactWithin + "]";
    }

    /** Builds a {@link FollowUpPolicy}; each setter validates at once; not thread-safe. */
    public static final class Builder {

        private final String id;
        private @Nullable Trigger trigger;
        private @Nullable String reason;
        private Priority priority = Priority.NORMAL;
        private OwnerRule owner = OwnerRule.fixed("customer-success");
        private Duration firstContactWithin = Duration.ofHours(48);
        private @Nullable Duration resolveWithin;
        private final List<EscalationStep> escalation = new ArrayList<>();

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("id: '" + id + "' is not 1-64 of [A-Za-z0-9._-]");
            }
            this.id = id;
        }

        /**
         * Sets the trigger; required.
         *
         * @param value the trigger
         * @return this builder
         */
        public Builder when(Trigger value) {
            this.trigger = Objects.requireNonNull(value, "trigger");
            return this;
        }

        /**
         * Sets the reason recorded on follow-ups; default the policy id.
         *
         * @param value the reason; not blank
         * @return this builder
         */
        public Builder reason(String value) {
            this.reason = Texts.requireText(value, "reason");
            return this;
        }

        /**
         * Sets the priority; default {@code NORMAL}.
         *
         * @param value the priority
         * @return this builder
         */
        public Builder priority(Priority value) {
            this.priority = Objects.requireNonNull(value, "priority");
            return this;
        }

        /**
         * Sets the owner rule; default the fixed owner {@code "customer-success"}.
         *
         * @param value the rule
         * @return this builder
         */
        public Builder owner(OwnerRule value) {
            this.owner = Objects.requireNonNull(value, "owner");
            return this;
        }

        /**
         * Sets the first-contact deadline in working time; default 48 hours.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder firstContactWithin(Duration value) {
            this.firstContactWithin = positive(value, "firstContactWithin");
            return this;
        }

        /**
         * Sets the resolution deadline in working time; default none.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder resolveWithin(Duration value) {
            this.resolveWithin = positive(value, "resolveWithin");
            return this;
        }

        /**
         * Appends an escalation step; without any, a missed deadline escalates once to the owner.
         *
         * @param step the step
         * @return this builder
         */
        public Builder escalate(EscalationStep step) {
            escalation.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException if no trigger was set, or a resolution step is given without a
         *     resolution deadline
         */
        public FollowUpPolicy build() {
            if (trigger == null) {
                throw new IllegalStateException("policy '" + id + "': no trigger; call when(...)");
            }
            if (resolveWithin == null && escalation.stream().anyMatch(s -> s.deadline() == DeadlineKind.RESOLUTION)) {
                throw new IllegalStateException("policy '" + id
                        + "': a RESOLUTION escalation step needs resolveWithin(...)");
            }
            return new FollowUpPolicy(this, trigger);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + ": " + value + " is not positive");
            }
            return value;
        }
    }
}
