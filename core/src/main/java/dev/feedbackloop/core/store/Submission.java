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
 */
public record Submission(StoredResponse response, List<FollowUp> followUps, List<Touch> touches,
                         @Nullable Customer newCustomer, List<FeedbackEvent> events) {

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
        if (followUps.stream().map(FollowUp::id).distinct().count() != followUps.size()) {
            throw new IllegalArgumentException("followUps: ids repeat in " + followUps.stream().map(FollowUp::id)
                    .toList());
        }
    }
}
