package dev.feedbackloop.core;

import dev.feedbackloop.survey.validation.ValidationException;
import dev.feedbackloop.survey.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Thrown when {@link FeedbackLoop#submitAll(java.util.Collection)} rejects a batch because at least one of its
 * responses is invalid or names a survey version that is not registered; nothing of the batch is stored. Carries
 * the rejection of every bad response, each with all its violations.
 *
 * <p>{@link #violations()} lists every violation of every bad response, its path prefixed with the response's
 * position in the batch, for example {@code responses[3].answers.nps}; {@link #rejected()} gives them per response.
 *
 * <p>Immutable, so safe to share.
 */
public final class InvalidBatchException extends ValidationException {

    private static final long serialVersionUID = 1L;

    private final List<Integer> positions;
    private final List<InvalidResponseException> rejected;

    /** Creates the exception. */
    InvalidBatchException(Map<Integer, InvalidResponseException> rejected) {
        this(new TreeMap<>(Objects.requireNonNull(rejected, "rejected")));
    }

    private InvalidBatchException(SortedMap<Integer, InvalidResponseException> rejected) {
        super(rejected.size() + " response(s) of the batch are rejected; nothing was stored", flatten(rejected));
        this.positions = List.copyOf(rejected.keySet());
        this.rejected = List.copyOf(rejected.values());
    }

    private static List<Violation> flatten(SortedMap<Integer, InvalidResponseException> rejected) {
        var all = new ArrayList<Violation>();
        for (var entry : rejected.entrySet()) {
            if (entry.getKey() < 0) {
                throw new IllegalArgumentException("rejected: position " + entry.getKey() + " is negative");
            }
            String prefix = "responses[" + entry.getKey() + "]";
            for (Violation violation : entry.getValue().violations()) {
                String path = violation.path().isEmpty() ? prefix : prefix + "." + violation.path();
                String message = violation.path().isEmpty() ? prefix + ": " + violation.message()
                        : prefix + "." + violation.message();
                all.add(new Violation(path, violation.code(), message));
            }
        }
        return all;
    }

    /**
     * Returns the rejection of every bad response, in batch order; each names its response id and carries all its
     * violations.
     *
     * @return the rejections, not empty
     */
    public List<InvalidResponseException> rejected() {
        return rejected;
    }

    /**
     * Returns the positions of the bad responses in the batch (0-based, in the iteration order of the submitted
     * collection), aligned with {@link #rejected()}.
     *
     * @return the positions, ascending
     */
    public List<Integer> positions() {
        return positions;
    }
}
