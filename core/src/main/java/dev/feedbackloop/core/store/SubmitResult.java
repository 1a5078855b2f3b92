package dev.feedbackloop.core.store;

import dev.feedbackloop.core.followup.FollowUp;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FeedbackStore#submit(Submission)} did. Immutable.
 *
 * @param stored {@code true} if the submission was stored; {@code false} if a response with the same id already
 *     existed, in which case nothing was written
 * @param response the stored response: the submitted one, or the one already stored under that id
 * @param followUps the follow-ups of that response as stored, ordered by id; copied
 */
public record SubmitResult(boolean stored, StoredResponse response, List<FollowUp> followUps) {

    public SubmitResult {
        Objects.requireNonNull(response, "response");
        followUps = List.copyOf(followUps);
    }
}
