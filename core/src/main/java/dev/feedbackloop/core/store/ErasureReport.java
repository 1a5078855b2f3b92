package dev.feedbackloop.core.store;

/**
 * What erasing one customer changed. Immutable.
 *
 * @param responses responses anonymised (customer id and free text removed, ratings kept)
 * @param followUps follow-ups erased (customer id, notes and free text removed; each one version on, its last step)
 * @param touches touches deleted
 * @param outboxEvents pending outbox events about the customer deleted
 * @param customerRecord whether a registered customer record was deleted
 */
public record ErasureReport(int responses, int followUps, int touches, int outboxEvents, boolean customerRecord) {

    public ErasureReport {
        if (responses < 0 || followUps < 0 || touches < 0 || outboxEvents < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + responses + ", " + followUps
                    + ", " + touches + ", " + outboxEvents);
        }
    }

    /**
     * Returns whether anything was found for the customer.
     *
     * @return {@code true} if any count is positive or the customer record existed
     */
    public boolean foundAnything() {
        return responses + followUps + touches + outboxEvents > 0 || customerRecord;
    }
}
