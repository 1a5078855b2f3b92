package dev.feedbackloop.core.store;

import dev.feedbackloop.core.followup.FollowUp;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A request to erase one customer, as {@link FeedbackStore#eraseCustomer(Erasure)} carries it out: who, when, and
 * which resolution codes and root causes are the host's taxonomy (kept, since a code from a fixed list says nothing
 * about a person) rather than free text (erased). Immutable.
 *
 * @param customerId the customer to erase
 * @param at when, from the loop's clock; recorded as the follow-ups' {@code ERASED} step
 * @param resolutionCodes the host's resolution codes; empty when any text is allowed (then every code is erased);
 *     copied
 * @param rootCauses the host's root causes; empty when any text is allowed (then every root cause is erased); copied
 */
public record Erasure(String customerId, Instant at, Set<String> resolutionCodes, Set<String> rootCauses) {

    public Erasure {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(at, "at");
        resolutionCodes = Set.copyOf(resolutionCodes);
        rootCauses = Set.copyOf(rootCauses);
    }

    /**
     * Returns an erasure without a taxonomy: every resolution code and root cause is erased with the notes.
     *
     * @param customerId the customer to erase
     * @param at when
     * @return the erasure
     */
    public static Erasure of(String customerId, Instant at) {
        return new Erasure(customerId, at, Set.of(), Set.of());
    }

    /**
     * Returns a follow-up of the customer as this erasure leaves it ({@link FollowUp#erased}): one version higher,
     * without customer id, notes or free text.
     *
     * @param followUp a follow-up of the customer, not yet erased
     * @return the erased follow-up
     */
    public FollowUp apply(FollowUp followUp) {
        return followUp.erased(at, resolutionCodes, rootCauses);
    }
}
