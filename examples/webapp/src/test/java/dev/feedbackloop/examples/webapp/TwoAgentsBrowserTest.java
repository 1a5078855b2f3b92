package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpAction;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.examples.webapp.survey.Answers;
import dev.feedbackloop.examples.webapp.survey.SurveyDesk;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two agents in two browser sessions act on the same follow-up: one wins, the other is told, nothing is lost. Ana
 * drives the class's browser; Ben has a second one, with a session of his own.
 */
final class TwoAgentsBrowserTest extends OneBrowserPerClass {

    private Browser ben;

    @BeforeAll
    void startBensBrowser() {
        ben = Browser.start(port, true, 1400);
    }

    @AfterAll
    void closeBensBrowser() {
        if (ben != null) {
            ben.close();
        }
    }

    @Test
    void secondAgentToContact_seesTheConflictWithTheFreshState_andNothingIsOverwritten() {
        FollowUp followUp = newDetractorFollowUp("C0047");
        Browser ana = bothOpen(followUp);
        assertThat(ana.text("#version")).isEqualTo("version 1");
        assertThat(ben.text("#version")).isEqualTo("version 1");

        ana.find("#contact-form textarea[name=note]").sendKeys("Ana called: the invoice will be corrected.");
        ana.submit("#contact-form button[type=submit]");
        assertThat(ana.text("#done")).contains("contacted");
        ana.screenshot("conflict-01-first-agent-wins");

        ben.find("#contact-form textarea[name=note]").sendKeys("Ben called too.");
        ben.submit("#contact-form button[type=submit]");
        assertThat(ben.text("#conflict")).contains("Someone else changed this follow-up first")
                .contains("You acted on version 1; it is now version 2: contacted by ana")
                .contains("Nothing you entered was saved");
        assertThat(ben.text("#unsaved-note")).isEqualTo("Ben called too.");
        assertThat(ben.text("#state")).isEqualTo("contacted");
        assertThat(ben.text("#version")).isEqualTo("version 2");
        assertThat(ben.findAll("#contact-form")).isEmpty();
        assertThat(ben.text("ol.history")).contains("Ana called").doesNotContain("Ben called");
        ben.screenshot("conflict-02-second-agent-told");

        FollowUp stored = loop.followUps().followUp(followUp.id());
        assertThat(stored.state()).isEqualTo(FollowUpState.CONTACTED);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.firstContact().by()).isEqualTo("ana");
        assertThat(stored.history()).filteredOn(entry -> entry.action() == FollowUpAction.CONTACTED).hasSize(1);
    }

    @Test
    void anAgentActingOnAStalePage_canActAgainOnTheFreshVersion() {
        FollowUp followUp = newDetractorFollowUp("C0048");
        Browser ana = bothOpen(followUp);
        ana.submit("#close-form button[type=submit]");
        ana.screenshot("stale-01-first-agent-closes");
        ben.find("#close-form textarea[name=note]").sendKeys("Duplicate of another ticket.");
        ben.submit("#close-form button[type=submit]");
        assertThat(ben.text("#conflict")).contains("closed by ana");
        assertThat(ben.text("#close-reason")).isEqualTo("no contact possible");
        assertThat(ben.find("#reopen-form")).isNotNull();
        ben.screenshot("stale-02-second-agent-finds-it-closed");
        ben.submit("#reopen-form button[type=submit]");
        assertThat(ben.text("#state")).isEqualTo("open");
        ben.screenshot("stale-03-second-agent-reopens");
        assertThat(loop.followUps().followUp(followUp.id()).version()).isEqualTo(3);
    }

    /** Logs Ana and Ben in and opens the follow-up in both browsers; returns Ana's. */
    private Browser bothOpen(FollowUp followUp) {
        String page = "/followup?id=" + URLEncoder.encode(followUp.id(), StandardCharsets.UTF_8);
        browser.login("ana").open(page);
        ben.login("ben").open(page);
        return browser;
    }

    private FollowUp newDetractorFollowUp(String customerId) {
        List<FollowUp> before = loop.followUps().find(FollowUpQuery.all().withCustomer(customerId));
        String token = surveys.invite(FeedbackProgramme.RELATIONSHIP, customerId);
        SurveyDesk.Outcome outcome = surveys.submit(token, new Answers(Map.of("q.nps", List.of("2"),
                "q.what-went-wrong", List.of("price"))));
        assertThat(outcome.accepted()).isTrue();
        List<FollowUp> after = loop.followUps().find(FollowUpQuery.all().withCustomer(customerId));
        return after.stream().filter(f -> !before.contains(f)).findFirst().orElseThrow();
    }
}
