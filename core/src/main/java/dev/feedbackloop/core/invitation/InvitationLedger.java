package dev.feedbackloop.core.invitation;

import java.time.Instant;

/**
 * Remembers which invitation tokens were redeemed, and by which response, so that a token answers once: an SPI with
 * an in-memory implementation ({@link #inMemory()}) and a durable one in the tables of the JDBC store
 * ({@link dev.feedbackloop.core.store.jdbc.JdbcStore#invitationLedger()}).
 *
 * <p>A redemption binds a token to a response id. Redeeming again with the same response id succeeds (a retried
 * submission is safe); with another response id it returns the first one, and the feedback loop refuses the
 * submission as {@link InvitationException.Reason#ALREADY_USED}. Implementations must be thread-safe and make
 * {@link #redeem} atomic: of concurrent redemptions of one token with different response ids, exactly one wins.
 */
public interface InvitationLedger {

    /**
     * Returns a new, empty ledger in memory. Thread-safe; it forgets everything on restart, so a token could be used
     * again after one: with a durable store, use its ledger
     * ({@link dev.feedbackloop.core.store.jdbc.JdbcStore#invitationLedger()}).
     *
     * @return the ledger
     */
    static InvitationLedger inMemory() {
        return new InMemoryLedger();
    }

    /**
     * Records that a token is redeemed by a response, unless it already is.
     *
     * @param tokenId the token id
     * @param responseId the response that redeems it
     * @param expiresAt the token's expiry, after which the record may be {@linkplain #forgetExpired forgotten}
     * @param redeemedAt when
     * @return the response id that holds the token: {@code responseId} if this call redeemed it or the same response
     *     had, another id if another response had
     */
    String redeem(String tokenId, String responseId, Instant expiresAt, Instant redeemedAt);

    /**
     * Undoes the redemption of a token by a response whose write failed, so that the token stays usable; a token
     * held by another response, or not redeemed, is left alone.
     *
     * @param tokenId the token id
     * @param responseId the response that redeemed it
     */
    void release(String tokenId, String responseId);

    /**
     * Forgets redemptions of tokens that expired before an instant; those tokens are refused as expired anyway.
     *
     * @param before the instant
     * @return the number of redemptions forgotten
     */
    int forgetExpired(Instant before);
}
