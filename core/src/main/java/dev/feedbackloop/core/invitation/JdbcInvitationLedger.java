package dev.feedbackloop.core.invitation;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.core.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link InvitationLedger} in one table, {@code fl_invitation_redemption}, of an H2 or PostgreSQL database over
 * plain JDBC: redemptions survive restarts and are shared by every process on the database. The token id is the
 * primary key, so of concurrent redemptions exactly one insert succeeds; the others read the winner.
 *
 * <p>Thread-safe: holds no mutable state and borrows one connection per call. Database failures are thrown as
 * {@link JdbcStoreException} naming the operation and the SQLState, without the driver's message, which may quote
 * parameters.
 */
public final class JdbcInvitationLedger implements InvitationLedger {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS fl_invitation_redemption (token_id VARCHAR(128) PRIMARY KEY,"
                + " response_id VARCHAR(128) NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                + " redeemed_at TIMESTAMP WITH TIME ZONE NOT NULL)",
        "CREATE INDEX IF NOT EXISTS fl_invitation_redemption_expiry ON fl_invitation_redemption (expires_at)"
    };

    private static final Logger LOG = LoggerFactory.getLogger(JdbcInvitationLedger.class);

    private final DataSource dataSource;

    private JdbcInvitationLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Returns a ledger on a data source; call {@link #createSchema()} once before use.
     *
     * @param dataSource the host's data source
     * @return the ledger
     */
    public static JdbcInvitationLedger of(DataSource dataSource) {
        return new JdbcInvitationLedger(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Creates the table and its index if they do not exist; idempotent.
     *
     * @return this ledger
     * @throws FeedbackLoopException if the database refuses
     */
    public JdbcInvitationLedger createSchema() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
            return this;
        } catch (SQLException e) {
            throw failure("create the invitation ledger's table", e);
        }
    }

    @Override
    public String redeem(String tokenId, String responseId, Instant expiresAt, Instant redeemedAt) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fl_invitation_redemption"
                    + " (token_id, response_id, expires_at, redeemed_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, tokenId);
                insert.setString(2, responseId);
                insert.setObject(3, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
                insert.setObject(4, OffsetDateTime.ofInstant(redeemedAt, ZoneOffset.UTC));
                insert.executeUpdate();
                return responseId;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT response_id FROM fl_invitation_redemption WHERE token_id = ?")) {
                select.setString(1, tokenId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new FeedbackLoopException("invitation ledger: redeem of token '" + tokenId
                                + "' hit a unique key but found no row; expected the winning redemption");
                    }
                    return rows.getString(1);
                }
            }
        } catch (SQLException e) {
            throw failure("redeem an invitation", e);
        }
    }

    @Override
    public void release(String tokenId, String responseId) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(responseId, "responseId");
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM fl_invitation_redemption WHERE token_id = ? AND response_id = ?")) {
            connection.setAutoCommit(true);
            delete.setString(1, tokenId);
            delete.setString(2, responseId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("release an invitation", e);
        }
    }

    @Override
    public int forgetExpired(Instant before) {
        Objects.requireNonNull(before, "before");
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM fl_invitation_redemption WHERE expires_at < ?")) {
            connection.setAutoCommit(true);
            delete.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("forget expired invitations", e);
        }
    }

    /** The failure of a ledger operation, without the driver's message, which may quote parameters. */
    private static FeedbackLoopException failure(String operation, SQLException e) {
        LOG.debug("invitation ledger could not {}", operation, e);
        return JdbcStoreException.of(operation + " in the invitation ledger", e);
    }
}
