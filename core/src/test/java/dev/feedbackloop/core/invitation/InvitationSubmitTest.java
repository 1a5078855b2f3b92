package dev.feedbackloop.core.invitation;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.InvalidResponseException;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.invitation.InvitationException.Reason;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class InvitationSubmitTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final Invitations invitations = InvitationsTest.invitations();
    private final Invitation invitation = new Invitation("t-1", Fixtures.SURVEY, "c-1042",
            T0.plus(Duration.ofDays(14)), Map.of("plan", "enterprise"));

    private FeedbackLoop loop(FeedbackStore store, InvitationLedger ledger) {
        FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(clock).invitations(invitations)
                .invitationLedger(ledger).followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .build();
        loop.register(Fixtures.survey());
        return loop;
    }

    private FeedbackLoop loop() {
        return loop(FeedbackStore.inMemory(), InvitationLedger.inMemory());
    }

    private static Response forged(String id, int nps) {
        // the request claims another customer and attributes; the token must win
        return Fixtures.response(id, "someone-else", nps, "text", T0, Map.of("plan", "free", "admin", "true"));
    }

    private static Reason reasonOf(Runnable submit) {
        try {
            submit.run();
        } catch (InvitationException e) {
            return e.reason();
        }
        throw new AssertionError("expected an InvitationException");
    }

    @Test
    void submit_withToken_takesCustomerAndAttributesFromTheToken() {
        FeedbackLoop loop = loop();

        Receipt receipt = loop.submit(forged("r1", 3), invitations.issue(invitation));

        Response stored = loop.findResponse("r1").orElseThrow().response();
        assertThat(stored.respondent().customerId()).isEqualTo("c-1042");
        assertThat(stored.respondent().attributes()).isEqualTo(Map.of("plan", "enterprise"));
        assertThat(receipt.needsFollowUp()).isTrue();
    }

    @Test
    void submit_sameResponseAndTokenAgain_returnsTheSameReceipt() {
        FeedbackLoop loop = loop();
        String token = invitations.issue(invitation);

        Receipt first = loop.submit(forged("r1", 3), token);
        Receipt again = loop.submit(forged("r1", 3), token);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void submit_anotherResponseWithAUsedToken_isAlreadyUsedAndStoresNothing() {
        FeedbackLoop loop = loop();
        String token = invitations.issue(invitation);
        loop.submit(forged("r1", 3), token);

        assertThat(reasonOf(() -> loop.submit(forged("r2", 9), token))).isEqualTo(Reason.ALREADY_USED);
        assertThat(loop.findResponse("r2")).isEmpty();
    }

    @Test
    void submit_rejections_haveDistinctReasonsAndStoreNothing() {
        FeedbackLoop loop = loop();
        String token = invitations.issue(invitation);
        String forgedToken = Invitations.builder().signWith(SigningKey.of("k2024", InvitationsTest.secret(9)))
                .build().issue(invitation);
        String unknownKey = Invitations.builder().signWith(SigningKey.of("nope", InvitationsTest.secret(9)))
                .build().issue(invitation);
        String otherSurvey = invitations.issue(new Invitation("t-2", "onboarding", "c-1042",
                T0.plus(Duration.ofDays(1)), Map.of()));
        String expired = invitations.issue(new Invitation("t-3", Fixtures.SURVEY, "c-1042", T0.minusSeconds(1),
                Map.of()));

        assertThat(List.of(reasonOf(() -> loop.submit(forged("r1", 3), "garbage")),
                reasonOf(() -> loop.submit(forged("r1", 3), unknownKey)),
                reasonOf(() -> loop.submit(forged("r1", 3), forgedToken)),
                reasonOf(() -> loop.submit(forged("r1", 3), token.substring(0, token.length() - 3) + "AAA")),
                reasonOf(() -> loop.submit(forged("r1", 3), expired)),
                reasonOf(() -> loop.submit(forged("r1", 3), otherSurvey))))
                .containsExactly(Reason.MALFORMED, Reason.UNKNOWN_KEY, Reason.BAD_SIGNATURE, Reason.BAD_SIGNATURE,
                        Reason.EXPIRED, Reason.OTHER_SURVEY);
        assertThat(loop.findResponse("r1")).isEmpty();
    }

    @Test
    void submit_tokenExpiresByTheLoopClock() {
        FeedbackLoop loop = loop();
        String token = invitations.issue(invitation);
        clock.advance(Duration.ofDays(14).plusSeconds(1));

        assertThat(reasonOf(() -> loop.submit(forged("r1", 3), token))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void submit_invalidResponse_doesNotSpendTheToken() {
        FeedbackLoop loop = loop();
        String token = invitations.issue(invitation);

        assertThatThrownBy(() -> loop.submit(forged("r1", 11), token)).isInstanceOf(InvalidResponseException.class);

        assertThat(loop.submit(forged("r2", 9), token).responseId()).isEqualTo("r2");
    }

    @Test
    void submit_withoutConfiguredInvitations_isAnIllegalState() {
        FeedbackLoop plain = FeedbackLoop.builder().clock(clock).build();
        plain.register(Fixtures.survey());

        assertThatThrownBy(() -> plain.submit(forged("r1", 3), invitations.issue(invitation)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sameTokenFromManyThreads_exactlyOneResponseIsStored() throws Exception {
        FeedbackLoop loop = loop();
        String token = invitations.issue(invitation);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var gate = new CountDownLatch(1);
            var futures = new ArrayList<Future<Reason>>();
            for (int i = 0; i < 64; i++) {
                String id = "r" + i;
                futures.add(pool.submit(() -> {
                    gate.await();
                    try {
                        loop.submit(forged(id, 3), token);
                        return null;
                    } catch (InvitationException e) {
                        return e.reason();
                    }
                }));
            }
            gate.countDown();
            var reasons = new ArrayList<Reason>();
            for (Future<Reason> future : futures) {
                reasons.add(future.get(30, TimeUnit.SECONDS));
            }

            assertThat(reasons).filteredOn(r -> r == null).hasSize(1);
            assertThat(reasons).filteredOn(r -> r != null).hasSize(63).allMatch(r -> r == Reason.ALREADY_USED);
            assertThat(loop.followUps().find(dev.feedbackloop.core.followup.FollowUpQuery.all())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void alreadyUsed_holdsAcrossARestartOnADurableStore(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("restart").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
        String token = invitations.issue(invitation);
        DataSource before = h2(url);
        FeedbackLoop first = loop(JdbcStore.of(before).createSchema(), JdbcStore.of(before).invitationLedger());
        Receipt receipt = first.submit(forged("r1", 3), token);
        shutdown(before);

        DataSource after = h2(url);
        JdbcStore restartedStore = JdbcStore.of(after).createSchema();
        FeedbackLoop restarted = loop(restartedStore, restartedStore.invitationLedger());

        assertThat(reasonOf(() -> restarted.submit(forged("r2", 3), token))).isEqualTo(Reason.ALREADY_USED);
        assertThat(restarted.submit(forged("r1", 3), token)).isEqualTo(receipt);
        shutdown(after);
    }

    @Test
    void jdbcLedger_storesTokenAndResponseIdsAndTwoInstantsOnly(@TempDir Path directory) throws SQLException {
        DataSource dataSource = h2("jdbc:h2:file:" + directory.resolve("columns").toAbsolutePath()
                + ";DB_CLOSE_DELAY=-1");
        JdbcStore.of(dataSource).createSchema().invitationLedger().redeem("t-1", "r1", T0, T0);
        var columns = new ArrayList<String>();
        try (Connection connection = dataSource.getConnection();
             var rows = connection.getMetaData().getColumns(null, null, "FL_INVITATION_REDEMPTION", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }

        assertThat(columns).containsExactlyInAnyOrder("TOKEN_ID", "RESPONSE_ID", "EXPIRES_AT", "REDEEMED_AT");
        shutdown(dataSource);
    }

    @Test
    void jdbcLedger_forgetsOnlyExpiredRedemptions(@TempDir Path directory) {
        DataSource dataSource = h2("jdbc:h2:file:" + directory.resolve("forget").toAbsolutePath()
                + ";DB_CLOSE_DELAY=-1");
        InvitationLedger ledger = JdbcStore.of(dataSource).createSchema().createSchema().invitationLedger();
        ledger.redeem("old", "r1", T0, T0);
        ledger.redeem("new", "r2", T0.plus(Duration.ofDays(2)), T0);

        assertThat(ledger.forgetExpired(T0.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(ledger.redeem("old", "r3", T0, T0)).isEqualTo("r3");
        assertThat(ledger.redeem("new", "r4", T0, T0)).isEqualTo("r2");
        shutdown(dataSource);
    }

    @Test
    void release_undoesOnlyTheResponsesOwnRedemption(@TempDir Path directory) {
        DataSource dataSource = h2("jdbc:h2:file:" + directory.resolve("release").toAbsolutePath()
                + ";DB_CLOSE_DELAY=-1");
        for (InvitationLedger ledger : List.of(InvitationLedger.inMemory(),
                JdbcStore.of(dataSource).createSchema().invitationLedger())) {
            ledger.redeem("t-1", "r1", T0, T0);
            ledger.release("t-1", "r2");
            assertThat(ledger.redeem("t-1", "r3", T0, T0)).as("held by r1, not released by r2").isEqualTo("r1");

            ledger.release("t-1", "r1");
            ledger.release("t-never", "r1");

            assertThat(ledger.redeem("t-1", "r3", T0, T0)).isEqualTo("r3");
        }
        shutdown(dataSource);
    }

    @Test
    void inMemoryLedger_forgetsOnlyExpiredRedemptions() {
        InvitationLedger ledger = InvitationLedger.inMemory();
        ledger.redeem("old", "r1", T0, T0);
        ledger.redeem("new", "r2", T0.plus(Duration.ofDays(2)), T0);

        assertThat(ledger.forgetExpired(T0.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(ledger.redeem("old", "r3", T0, T0)).isEqualTo("r3");
        assertThat(ledger.redeem("new", "r4", T0, T0)).isEqualTo("r2");
    }

    static DataSource h2(String url) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    static void shutdown(DataSource h2) {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot shut down H2", e);
        }
    }
}
