package dev.feedbackloop.core.store;

import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.FollowUp;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything one accepted response writes, stored in one atomic step by {@link FeedbackStore#submit(Submission)}.
 * Immutable.
 *
 * @param response the response
 * @param followUps the follow-ups it opens, each at version 1 and naming this response; copied; ids unique
 * @param touches the touches it records, for example {@code SURVEY_ANSWERED}; copied
 * @param newCustomer the customer to register if no customer with its id exists yet, or {@code null}
 * @param events the events to append to the outbox; copied
 * @param quota the per-customer limit the store checks in the same atomic step, or {@code null} for none; requires
 *     a {@code newCustomer} with the response's customer id (the store registers it first, then counts under it)
 */
public record Submission(StoredResponse response, List<FollowUp> followUps, List<Touch> touches,
                         @Nullable Customer newCustomer, List<FeedbackEvent> events, @Nullable CustomerQuota quota) {

    public Submission {
        Objects.requireNonNull(response, "response");
        followUps = List.copyOf(followUps);
        touches = List.copyOf(touches);
        events = List.copyOf(events);
        for (FollowUp followUp : followUps) {
            if (!followUp.responseId().equals(response.id()) || followUp.version() != 1) {
                throw new IllegalArgumentException("follow-up '" + followUp.id() + "' v" + followUp.version()
                        + ": expected a new follow-up (version 1) of response '" + response.id() + "'");
            }
        }
        if (followUps.size() > 1 && followUps.stream().map(FollowUp::id).distinct().count() != followUps.size()) {
            throw new IllegalArgumentException("followUps: ids repeat in " + followUps.stream().map(FollowUp::id)
                    .toList());
        }
        String customerId = response.response().respondent().customerId();
        if (quota != null && (newCustomer == null || !newCustomer.id().equals(customerId))) {
            throw new IllegalArgumentException("response '" + response.id() + "': a quota requires the response's"
                    + " customer as newCustomer");
        }
    }

    /**
     * Creates a submission without a per-customer limit.
     *
     * @param response the response
     * @param followUps the follow-ups it opens
     * @param touches the touches it records
     * @param newCustomer the customer to register if absent, or {@code null}
     * @param events the events to append to the outbox
     */
    public Submission(StoredResponse response, List<FollowUp> followUps, List<Touch> touches,
                      @Nullable Customer newCustomer, List<FeedbackEvent> events) {
        this(response, followUps, touches, newCustomer, events, null);
    }
}
