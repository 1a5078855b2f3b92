package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.survey.Answer;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The survey page as a plain form, in a browser that runs no script: the server applies the display logic. */
final class NoScriptSurveyBrowserTest extends OneBrowserPerClass {

    @Override
    Browser startBrowser(int serverPort) {
        return Browser.start(serverPort, false, 1400);
    }

    @Test
    void withoutScripts_everyQuestionShows_andAnswersToQuestionsTheRatingHides_areDropped() {
        browser.open("/s/" + surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0045"));
        assertThat(browser.find("html").getAttribute("class")).as("the script did not run").isNullOrEmpty();
        assertThat(browser.find("#q-what-went-wrong").isDisplayed()).isTrue();
        assertThat(browser.find(".nojs-only").isDisplayed()).isTrue();
        browser.find("input[name='q.nps'][value='9']").click();
        browser.find("#q-what-went-wrong input[value='price']").click();
        browser.find("#q-reason-input").sendKeys("Fast and friendly.");
        browser.screenshot("noscript-01-promoter-fills-everything");
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Thank you");

        StoredResponse stored = responseOf("C0045");
        assertThat(stored.response().answers()).containsOnlyKeys("nps", "reason");
        assertThat(stored.response().answer("nps")).isEqualTo(Answer.rating(9));
    }

    @Test
    void withoutScripts_aDetractorWithoutTheRequiredFollowUpAnswer_seesTheViolation_thenSendsIt() {
        int followUpsBefore = loop.followUps().find(FollowUpQuery.all().withCustomer("C0046")).size();
        browser.open("/s/" + surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0046"));
        browser.find("input[name='q.nps'][value='3']").click();
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("#q-what-went-wrong-error")).isEqualTo("Please answer this question.");
        assertThat(loop.followUps().find(FollowUpQuery.all().withCustomer("C0046"))).hasSize(followUpsBefore);
        browser.screenshot("noscript-02-violation");

        browser.find("#q-what-went-wrong input[name='q.what-went-wrong.other']").sendKeys("Nobody listens");
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Thank you");
        browser.screenshot("noscript-03-sent");
        assertThat(loop.followUps().find(FollowUpQuery.all().withCustomer("C0046"))).hasSize(followUpsBefore + 1);
    }

    private StoredResponse responseOf(String customerId) {
        var found = new ArrayList<StoredResponse>();
        loop.forEachResponse(FeedbackProgramme.RELATIONSHIP, response -> {
            if (customerId.equals(response.respondent().customerId()) && response.id().startsWith("inv-")) {
                loop.findResponse(response.id()).ifPresent(found::add);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
