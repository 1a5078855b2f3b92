package dev.feedbackloop.core.internal;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.Escalation;
import dev.feedbackloop.core.followup.EscalationStep;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpTracker;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.store.FollowUpChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates follow-ups whose deadline passed without being met, reading them page by page from the store's deadline
 * index. Thread-safe: it holds no mutable state.
 *
 * <p>Design note: an escalated follow-up stays pending (escalation does not meet a deadline) and keeps its deadline,
 * so the index is read in keyset pages, each strictly after the deadline and id of the last follow-up of the one
 * before: every follow-up overdue at the start is read once, however many share one deadline.
 */
final class EscalationPager {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpTracker.class);
    /** How many overdue follow-ups one read of the deadline index returns. */
    static final int BATCH = 500;

    private final LoopContext loop;

    EscalationPager(LoopContext loop) {
        this.loop = loop;
    }

    /** See {@link FollowUpTracker#escalateOverdue(Instant)}; {@code now} is its {@code asOf}. */
    List<Escalation> escalateOverdue(Instant now) {
        Objects.requireNonNull(now, "now");
        var fired = new ArrayList<Escalation>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            @Nullable FollowUpCursor after = null;
            while (true) {
                List<FollowUp> page = after == null ? loop.store().pendingDue(kind, null, now, BATCH)
                        : loop.store().pendingDueAfter(kind, null, after, now, BATCH);
                for (FollowUp followUp : page) {
                    fired.addAll(escalate(followUp, kind, now));
                }
                if (page.size() < BATCH) {
                    break;
                }
                after = FollowUpCursor.after(page.get(page.size() - 1), kind);
            }
        }
        if (!fired.isEmpty()) {
            LOG.debug("escalated {} follow-up deadline step(s)", fired.size());
            loop.afterWrite().run();
        }
        return fired;
    }

    private List<Escalation> escalate(FollowUp followUp, DeadlineKind kind, Instant now) {
        if (followUp.isErased()) {
            // an erased follow-up takes no further steps; it stays in the deadline index for the metrics
            return List.of();
        }
        Instant due = followUp.due(kind);
        List<EscalationStep> steps = loop.policy(followUp.policyId()).map(FollowUpPolicy::escalation)
                .orElse(List.of(EscalationStep.toOwner(kind, Duration.ZERO)));
        FollowUp current = followUp;
        var fired = new ArrayList<Escalation>();
        for (int i = 0; i < steps.size(); i++) {
            EscalationStep step = steps.get(i);
            if (step.deadline() != kind || current.isEscalated(kind, due, i)
                    || now.isBefore(step.firesAt(due, loop.calendar()))) {
                continue;
            }
            Escalation escalation = new Escalation(kind, due, i, step.targetFor(current), now);
            FollowUp updated = current.escalate(escalation);
            try {
                current = loop.store().update(new FollowUpChange(updated, List.of(),
                        List.of(new FeedbackEvent.FollowUpEscalated(updated.id(), kind, due, i,
                                escalation.escalatedTo(), updated.customerId(), now))));
                fired.add(escalation);
            } catch (VersionConflictException e) {
                LOG.debug("follow-up {} changed during escalation; next run retries", followUp.id());
                break;
            }
        }
        return fired;
    }
}
