package dev.feedbackloop.core.invitation;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory {@link InvitationLedger}: a concurrent map from token id to redemption. Thread-safe. */
final class InMemoryLedger implements InvitationLedger {

    private record Redemption(String responseId, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Redemption> redemptions = new ConcurrentHashMap<>();

    @Override
    public String redeem(String tokenId, String responseId, Instant expiresAt, Instant redeemedAt) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        return redemptions.computeIfAbsent(tokenId, id -> new Redemption(responseId, expiresAt)).responseId();
    }

    @Override
    public void release(String tokenId, String responseId) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(responseId, "responseId");
        redemptions.computeIfPresent(tokenId, (id, redemption) ->
                redemption.responseId().equals(responseId) ? null : redemption);
    }

    @Override
    public int forgetExpired(Instant before) {
        Objects.requireNonNull(before, "before");
        int[] removed = {0};
        redemptions.entrySet().removeIf(entry -> {
            boolean expired = entry.getValue().expiresAt().isBefore(before);
            removed[0] += expired ? 1 : 0;
            return expired;
        });
        return removed[0];
    }
}
