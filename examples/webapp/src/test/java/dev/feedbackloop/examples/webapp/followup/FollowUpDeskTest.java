package dev.feedbackloop.examples.webapp.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.examples.webapp.followup.ActionResult.Outcome;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class FollowUpDeskTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    private final FeedbackStore store = FeedbackStore.inMemory();
    private final FollowUpPolicy detractors = new FeedbackProgramme().npsDetractor();
    private final FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .calendar(FeedbackProgramme.calendar())
            .taxonomy(FeedbackProgramme.RESOLUTION_CODES, FeedbackProgramme.ROOT_CAUSES)
            .followUpPolicy(detractors).build();
    private final FollowUpDesk desk = new FollowUpDesk(loop, store, List.of(detractors));
    private String followUpId = "";

    @BeforeEach
    void aDetractorOpensAFollowUp() {
        Survey survey = Survey.builder(FeedbackProgramme.RELATIONSHIP, 1).title(LocalizedText.of("How are we doing?"))
                .question(NpsQuestion.standard("nps")).build();
        loop.register(survey);
        followUpId = loop.submit(Response.builder("r1", survey, NOW).respondent(Respondent.of("C0001", Map.of()))
                .answer("nps", Answer.rating(2)).build()).followUpIds().get(0);
    }

    @Test
    void act_contact_isStoredWithTheAgentAndTheLoopsTime() {
        ActionResult result = desk.act(followUpId, 1, Action.CONTACT, input("Called back.", "phone", ""), "ana");

        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        FollowUp stored = loop.followUps().followUp(followUpId);
        assertThat(stored.state()).isEqualTo(FollowUpState.CONTACTED);
        assertThat(stored.firstContact()).extracting(Contact::by, Contact::at).containsExactly("ana", NOW);
    }

    @Test
    void act_aNoteTheStoreCannotHold_isRefusedAndStoresNothing() {
        ActionResult result = desk.act(followUpId, 1, Action.CONTACT, input("a\u0000b", "phone", ""), "ana");

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).startsWith("That was not saved");
        assertThat(loop.followUps().followUp(followUpId).version()).isEqualTo(1);
    }

    @Test
    void act_aResolutionCodeOutsideTheTaxonomy_isRefusedAndStoresNothing() {
        desk.act(followUpId, 1, Action.CONTACT, input(null, "phone", ""), "ana");

        ActionResult result = desk.act(followUpId, 2, Action.RESOLVE, input(null, "", "made-up"), "ana");

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(loop.followUps().followUp(followUpId).state()).isEqualTo(FollowUpState.CONTACTED);
    }

    @Test
    void act_onAVersionSomeoneElseMovedOn_isAConflictWithTheFreshFollowUp() {
        desk.act(followUpId, 1, Action.CONTACT, input(null, "phone", ""), "ana");

        ActionResult result = desk.act(followUpId, 1, Action.CLOSE, input(null, "", ""), "ben");

        assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(result.actualVersion()).isEqualTo(2);
        assertThat(result.followUp()).extracting(FollowUp::state).isEqualTo(FollowUpState.CONTACTED);
    }

    private static ActionInput input(@Nullable String note, String channel, String code) {
        return ActionInput.of(note, channel, code, "bug", "duplicate");
    }
}
