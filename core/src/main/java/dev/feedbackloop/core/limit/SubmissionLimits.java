package dev.feedbackloop.core.limit;

import dev.feedbackloop.survey.Respondent;
import java.time.Duration;
import java.util.Objects;

/**
 * Host-wide limits on submissions, checked by the feedback loop after validation and before anything is stored, on
 * top of the survey's own rules (a text question's {@code maxLength}, the respondent sizes of
 * {@link Respondent}). Immutable.
 *
 * <p>The {@linkplain #standard() standard} limits: text answers and "other" texts of at most
 * {@value #DEFAULT_MAX_TEXT_LENGTH} code points each, at most {@value Respondent#MAX_ATTRIBUTES} respondent attributes,
 * and no limit on responses per customer (only the host knows its cadence; set one with
 * {@link #withResponsesPerCustomer(int, Duration)}). The per-customer count is taken by the store in the same atomic
 * step that stores the response (responses of the customer received within the window before now, under a lock on
 * the customer; see {@link dev.feedbackloop.core.store.CustomerQuota}), so it holds under concurrency and across
 * restarts and processes sharing a durable store; a resubmission of a response already stored is never refused.
 *
 * @param maxTextLength the longest text answer or "other" text, in Unicode code points; positive
 * @param maxAttributes the most respondent attributes; zero or more
 * @param maxResponsesPerCustomer the most responses one customer may have received within {@code window}; positive,
 *     {@link Integer#MAX_VALUE} for no limit
 * @param window the window of the per-customer limit; positive
 */
public record SubmissionLimits(int maxTextLength, int maxAttributes, int maxResponsesPerCustomer, Duration window) {

    /** The standard longest text answer, in code points. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 20_000;

    private static final SubmissionLimits STANDARD = new SubmissionLimits(DEFAULT_MAX_TEXT_LENGTH,
            Respondent.MAX_ATTRIBUTES, Integer.MAX_VALUE, Duration.ofDays(1));

    public SubmissionLimits {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength: " + maxTextLength + " is not positive");
        }
        if (maxAttributes < 0) {
            throw new IllegalArgumentException("maxAttributes: " + maxAttributes + " is negative");
        }
        if (maxResponsesPerCustomer < 1) {
            throw new IllegalArgumentException("maxResponsesPerCustomer: " + maxResponsesPerCustomer
                    + " is not positive");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: " + window + " is not positive");
        }
    }

    /**
     * Returns the standard limits (see the type description).
     *
     * @return the standard limits
     */
    public static SubmissionLimits standard() {
        return STANDARD;
    }

    /**
     * Returns these limits with another longest text.
     *
     * @param max the longest text answer, in code points; positive
     * @return new limits
     */
    public SubmissionLimits withMaxTextLength(int max) {
        return new SubmissionLimits(max, maxAttributes, maxResponsesPerCustomer, window);
    }

    /**
     * Returns these limits with another most attributes.
     *
     * @param max the most respondent attributes
     * @return new limits
     */
    public SubmissionLimits withMaxAttributes(int max) {
        return new SubmissionLimits(maxTextLength, max, maxResponsesPerCustomer, window);
    }

    /**
     * Returns these limits with a per-customer rate limit.
     *
     * @param max the most responses per customer within the window; positive
     * @param per the window; positive
     * @return new limits
     */
    public SubmissionLimits withResponsesPerCustomer(int max, Duration per) {
        return new SubmissionLimits(maxTextLength, maxAttributes, max, per);
    }

    /**
     * Returns whether a per-customer limit is set.
     *
     * @return {@code false} when {@link #maxResponsesPerCustomer()} is {@link Integer#MAX_VALUE}
     */
    public boolean limitsResponsesPerCustomer() {
        return maxResponsesPerCustomer != Integer.MAX_VALUE;
    }
}
