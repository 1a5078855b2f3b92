package dev.feedbackloop.core.store;

import dev.feedbackloop.core.followup.FollowUp;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FeedbackStore#submit(Submission)} did. Immutable.
 *
 * <p>A store that reports the outbox entries it appended ({@link #appended()}) lets the feedback loop deliver them
 * to listeners straight away, without polling the outbox; a store that reports none (the three-argument
 * constructor) still works: the loop then polls.
 *
 * @param stored {@code true} if the submission was stored; {@code false} if a response with the same id already
 *     existed, in which case nothing was written
 * @param response the stored response: the submitted one, or the one already stored under that id
 * @param followUps the follow-ups of that response as stored, ordered by id; copied
 * @param appended the outbox entries this submission appended, in sequence order, one per
 *     {@linkplain Submission#events() event}; copied; empty when nothing was stored or when the store does not
 *     report them
 */
public record SubmitResult(boolean stored, StoredResponse response, List<FollowUp> followUps,
                           List<OutboxEntry> appended) {

    public SubmitResult {
        Objects.requireNonNull(response, "response");
        followUps = List.copyOf(followUps);
        appended = List.copyOf(appended);
        if (!stored && !appended.isEmpty()) {
            throw new IllegalArgumentException("appended: " + appended.size() + " outbox entries for response '"
                    + response.id() + "', which was not stored; expected none");
        }
    }

    /**
     * Creates a result that does not report the appended outbox entries; the feedback loop then finds them by
     * polling the outbox.
     *
     * @param stored {@code true} if the submission was stored
     * @param response the stored response
     * @param followUps the follow-ups of that response as stored, ordered by id; copied
     */
    public SubmitResult(boolean stored, StoredResponse response, List<FollowUp> followUps) {
        this(stored, response, followUps, List.of());
    }
}
