package dev.feedbackloop.core;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link IntakeObserver}s of a loop about the responses a refusal names. Thread-safe: it holds no mutable
 * state.
 */
final class RejectionReporter {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoop.class);
    /** The reason of an invalid response whose violations carry no code of the usual form. */
    private static final String INVALID = "response.invalid";

    private final List<IntakeObserver> observers;
    private final Supplier<Instant> clock;

    RejectionReporter(List<IntakeObserver> observers, Supplier<Instant> clock) {
        this.observers = List.copyOf(observers);
        this.clock = clock;
    }

    /**
     * Reports the responses that a refusal names; nothing for a failure that is not a refusal. Never throws.
     *
     * @param refusal what the loop is about to throw
     * @param submitted the responses of the call, in which the refused ones are looked up by id
     */
    void report(FeedbackLoopException refusal, List<Response> submitted) {
        if (observers.isEmpty()) {
            return;
        }
        for (Rejection rejection : rejections(refusal, submitted, clock.get())) {
            for (IntakeObserver observer : observers) {
                try {
                    observer.onRejected(rejection);
                } catch (RuntimeException e) {
                    LOG.warn("intake observer {} failed on the rejection of response {}; skipped",
                            observer.getClass().getName(), rejection.responseId(), e);
                }
            }
        }
    }

    /** The rejections a refusal names, in the order of the batch; empty for a failure that is not a refusal. */
    static List<Rejection> rejections(FeedbackLoopException refusal, List<Response> submitted, Instant at) {
        var rejections = new ArrayList<Rejection>();
        if (refusal instanceof InvalidBatchException batch) {
            for (int i = 0; i < batch.rejected().size(); i++) {
                int position = batch.positions().get(i);
                InvalidResponseException invalid = batch.rejected().get(i);
                add(rejections, position < submitted.size() ? submitted.get(position) : find(submitted,
                        invalid.responseId()), Rejection.Kind.INVALID, firstCode(invalid), at);
            }
        } else if (refusal instanceof InvalidResponseException invalid) {
            add(rejections, find(submitted, invalid.responseId()), Rejection.Kind.INVALID, firstCode(invalid), at);
        } else if (refusal instanceof ResponseConflictException conflict) {
            add(rejections, find(submitted, conflict.responseId()), Rejection.Kind.CONFLICT, Rejection.CONFLICT, at);
        } else if (refusal instanceof LimitExceededException limit) {
            add(rejections, find(submitted, limit.responseId()), Rejection.Kind.LIMIT,
                    Rejection.reason("limit", limit.limit()), at);
        } else if (refusal instanceof InvitationException invitation && submitted.size() == 1) {
            add(rejections, submitted.get(0), Rejection.Kind.INVITATION,
                    Rejection.reason("invitation", invitation.reason()), at);
        }
        return rejections;
    }

    private static void add(List<Rejection> rejections, @Nullable Response response, Rejection.Kind kind,
                            String reason, Instant at) {
        if (response != null) {
            rejections.add(new Rejection(response.id(), response.surveyId(), response.surveyVersion(), kind, reason,
                    at));
        }
    }

    private static @Nullable Response find(List<Response> submitted, String responseId) {
        for (Response response : submitted) {
            if (response.id().equals(responseId)) {
                return response;
            }
        }
        return null;
    }

    private static String firstCode(InvalidResponseException invalid) {
        List<Violation> violations = invalid.violations();
        // every code is a ViolationCode's; a code of another form would not be a bounded reason
        return violations.isEmpty() || !Rejection.isReason(violations.get(0).code()) ? INVALID
                : violations.get(0).code();
    }
}
