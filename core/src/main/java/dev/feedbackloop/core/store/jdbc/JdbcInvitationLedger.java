package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.invitation.InvitationLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@link InvitationLedger} of a {@link JdbcStore}, in its table {@code fl_invitation_redemption} (created with the
 * store's schema): redemptions survive restarts and are shared by every process on the database. The token id is the
 * primary key, so of concurrent redemptions exactly one insert succeeds; the others read the winner. Thread-safe: it
 * holds no mutable state and runs each call in one transaction of the store's {@link Sql}.
 */
final class JdbcInvitationLedger implements InvitationLedger {

    private final Sql sql;

    JdbcInvitationLedger(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String redeem(String tokenId, String responseId, Instant expiresAt, Instant redeemedAt) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        return sql.transaction("redeem an invitation", connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fl_invitation_redemption"
                    + " (token_id, response_id, expires_at, redeemed_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, tokenId);
                insert.setString(2, responseId);
                Sql.setInstant(insert, 3, expiresAt);
                Sql.setInstant(insert, 4, redeemedAt);
                insert.executeUpdate();
                return responseId;
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // redeemed before, or by a concurrent transaction that committed first: read who holds it
                connection.rollback(savepoint);
            }
            return holder(connection, tokenId);
        });
    }

    private static String holder(Connection connection, String tokenId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT response_id FROM fl_invitation_redemption WHERE token_id = ?")) {
            select.setString(1, tokenId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new JdbcStoreException("JDBC store could not redeem an invitation: the token's key was taken"
                            + " but no redemption is stored under it; expected the one that took it");
                }
                return rows.getString(1);
            }
        }
    }

    @Override
    public void release(String tokenId, String responseId) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(responseId, "responseId");
        sql.transaction("release an invitation", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM fl_invitation_redemption WHERE token_id = ? AND response_id = ?")) {
                delete.setString(1, tokenId);
                delete.setString(2, responseId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int forgetExpired(Instant before) {
        Objects.requireNonNull(before, "before");
        return sql.transaction("forget expired invitations", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM fl_invitation_redemption WHERE expires_at < ?")) {
                Sql.setInstant(delete, 1, before);
                return delete.executeUpdate();
            }
        });
    }
}
