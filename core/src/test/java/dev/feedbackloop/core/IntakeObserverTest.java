package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.ForwardingFeedbackStore;
import dev.feedbackloop.core.store.StoreException;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

final class IntakeObserverTest {

    private final MutableClock clock = MutableClock.at(T0.plus(Duration.ofHours(1)));
    private final List<Rejection> seen = new CopyOnWriteArrayList<>();
    private final IntakeObserver recording = new IntakeObserver() {
        @Override
        public void onRejected(Rejection rejection) {
            seen.add(rejection);
        }
    };

    private FeedbackLoop loop(UnaryOperator<FeedbackLoop.Builder> options) {
        FeedbackLoop loop = options.apply(FeedbackLoop.builder().clock(clock).intakeObserver(recording)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))).build();
        loop.register(Fixtures.survey());
        return loop;
    }

    private Rejection rejection(String responseId, Rejection.Kind kind, String reason) {
        return new Rejection(responseId, Fixtures.SURVEY, 1, kind, reason, clock.instant());
    }

    @Test
    void acceptedResponses_andResubmissions_areNotReported() {
        FeedbackLoop loop = loop(b -> b);
        Response response = Fixtures.response("r1", "c1", 2, null, T0);

        loop.submit(response);
        loop.submit(response);
        loop.submitAll(List.of(response, Fixtures.response("r2", "c2", 9, null, T0)));

        assertThat(seen).isEmpty();
    }

    @Test
    void invalidResponse_isReportedWithTheCodeOfItsFirstViolation() {
        FeedbackLoop loop = loop(b -> b);

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", "c1", 11, null, T0)))
                .isInstanceOf(InvalidResponseException.class);

        assertThat(seen).containsExactly(rejection("r1", Rejection.Kind.INVALID, "answer.out-of-scale"));
    }

    @Test
    void unregisteredSurveyVersion_isReportedAsWrongVersion() {
        FeedbackLoop loop = loop(b -> b);
        Response v2 = new Response("r1", Fixtures.SURVEY, 2, Fixtures.response("x", "c1", 5, null, T0).respondent(),
                T0, "web", Map.of("nps", Answer.rating(5)), List.of());

        assertThatThrownBy(() -> loop.submit(v2)).isInstanceOf(InvalidResponseException.class);

        assertThat(seen).containsExactly(new Rejection("r1", Fixtures.SURVEY, 2, Rejection.Kind.INVALID,
                "response.wrong-version", clock.instant()));
    }

    @Test
    void conflictingResponse_isReportedAsConflict() {
        FeedbackLoop loop = loop(b -> b);
        loop.submit(Fixtures.response("r1", "c1", 9, null, T0));

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", "c1", 3, null, T0)))
                .isInstanceOf(ResponseConflictException.class);

        assertThat(seen).containsExactly(rejection("r1", Rejection.Kind.CONFLICT, "response.conflict"));
    }

    @Test
    void limitCountedByTheStore_isReportedWithTheLimit() {
        FeedbackLoop loop = loop(b -> b.limits(SubmissionLimits.standard()
                .withResponsesPerCustomer(1, Duration.ofDays(1))));
        loop.submit(Fixtures.response("r1", "c1", 9, null, T0));

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r2", "c1", 9, null, T0)))
                .isInstanceOf(LimitExceededException.class);

        assertThat(seen).containsExactly(rejection("r2", Rejection.Kind.LIMIT, "limit.responses-per-customer"));
    }

    @Test
    void hostGuard_isReportedAsALimit() {
        FeedbackLoop loop = loop(b -> b.submissionGuard((response, now) -> false));

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", "c1", 9, null, T0)))
                .isInstanceOf(LimitExceededException.class);

        assertThat(seen).containsExactly(rejection("r1", Rejection.Kind.LIMIT, "limit.host-guard"));
    }

    @Test
    void invalidBatch_reportsEveryBadResponse_inBatchOrder_andNotTheGoodOnes() {
        FeedbackLoop loop = loop(b -> b);

        assertThatThrownBy(() -> loop.submitAll(List.of(Fixtures.response("r1", "c1", 11, null, T0),
                Fixtures.response("r2", "c2", 9, null, T0), Fixtures.response("r3", "c3", -1, null, T0))))
                .isInstanceOf(InvalidBatchException.class);

        assertThat(seen).containsExactly(rejection("r1", Rejection.Kind.INVALID, "answer.out-of-scale"),
                rejection("r3", Rejection.Kind.INVALID, "answer.out-of-scale"));
    }

    @Test
    void refusedInvitation_isReportedWithTheTokenReason() {
        Invitations invitations = Invitations.builder().signWith(SigningKey.of("k", new byte[32])).build();
        FeedbackLoop loop = loop(b -> b.invitations(invitations));

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", null, 9, null, T0), "not-a-token"))
                .isInstanceOf(InvitationException.class);

        assertThat(seen).containsExactly(rejection("r1", Rejection.Kind.INVITATION, "invitation.malformed"));
    }

    @Test
    void storeFailure_isNotARefusal_andIsNotReported() {
        FeedbackStore failing = new ForwardingFeedbackStore(FeedbackStore.inMemory()) {
            @Override
            public SubmitResult submit(Submission submission) {
                throw new StoreException("the database is down");
            }
        };
        FeedbackLoop loop = loop(b -> b.store(failing));

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", "c1", 9, null, T0)))
                .isInstanceOf(StoreException.class);

        assertThat(seen).isEmpty();
    }

    @Test
    void observerThatThrows_isSkipped_andTheCallerStillGetsTheRefusal() {
        FeedbackLoop loop = loop(b -> b.intakeObserver(new IntakeObserver() {
            @Override
            public void onRejected(Rejection rejection) {
                throw new IllegalStateException("observer bug");
            }
        }).intakeObserver(recording));

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", "c1", 11, null, T0)))
                .isInstanceOf(InvalidResponseException.class);

        // the recording observer was added twice: before and after the failing one
        assertThat(seen).hasSize(2);
    }

    @Test
    void rejection_refusesAReasonThatIsNotLowerCaseDottedWords() {
        Instant at = clock.instant();

        assertThatThrownBy(() -> new Rejection("r1", "s", 1, Rejection.Kind.INVALID, "Out Of Scale", at))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Out Of Scale'");
    }
}
