package dev.feedbackloop.core.invitation;

import dev.feedbackloop.FeedbackLoopException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an invitation token is refused; {@link #reason()} says why, so that a host can answer "this link has
 * expired" differently from "this link is not valid". The message never contains the token or its secret parts.
 *
 * <p>Immutable, so safe to share.
 */
public final class InvitationException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused; each reason is checked in this order. */
    public enum Reason {
        /** Not a token of this format: wrong shape, bad encoding or too long. */
        MALFORMED,
        /** Signed under a key id that no configured key has: forged, or signed by a retired key. */
        UNKNOWN_KEY,
        /**
         * The signature does not match the content under the named key: the token was tampered with, or forged with
         * a secret we do not hold (the two cannot be told apart, by design of a MAC).
         */
        BAD_SIGNATURE,
        /** Authentic, but past its expiry. */
        EXPIRED,
        /** Authentic, but for another survey than the response answers. */
        OTHER_SURVEY,
        /** Authentic, but already redeemed by another response. */
        ALREADY_USED
    }

    private final Reason reason;
    private final @Nullable String tokenId;

    /**
     * Creates the exception.
     *
     * @param reason why the token was refused
     * @param tokenId the token id when the token was authentic, or {@code null}
     * @param message what failed and what was expected
     */
    public InvitationException(Reason reason, @Nullable String tokenId, String message) {
        super("invitation " + Objects.requireNonNull(reason, "reason") + ": " + message);
        this.reason = reason;
        this.tokenId = tokenId;
    }

    /**
     * Returns why the token was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the id of the refused token, known only when its signature was verified.
     *
     * @return the token id, or {@code null} for {@link Reason#MALFORMED}, {@link Reason#UNKNOWN_KEY} and
     *     {@link Reason#BAD_SIGNATURE}
     */
    public @Nullable String tokenId() {
        return tokenId;
    }
}
