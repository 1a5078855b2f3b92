package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.examples.webapp.programme.DemoClock;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.examples.webapp.survey.SurveyDesk;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer's survey page in a browser with scripts: live display logic, violations, refused links. */
final class SurveyPageBrowserTest extends OneBrowserPerClass {

    @Autowired
    private DemoClock clock;

    @Test
    void followUpQuestions_appearAndDisappearLiveAsTheRatingChanges() {
        browser.open("/s/" + surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0040"));
        assertThat(browser.find("#q-what-went-wrong").isDisplayed()).isFalse();
        assertThat(browser.find("#q-callback").isDisplayed()).isFalse();
        assertThat(browser.find("#q-reason").isDisplayed()).isTrue();

        browser.find("input[name='q.nps'][value='9']").click();
        assertThat(browser.find("#q-what-went-wrong").isDisplayed()).isFalse();
        browser.find("input[name='q.nps'][value='4']").click();
        browser.waitFor(By.id("q-what-went-wrong"));
        assertThat(browser.find("#q-callback").isDisplayed()).isTrue();
        browser.screenshot("live-01-rating-4-asks-what-went-wrong");
        browser.find("input[name='q.nps'][value='6']").click();
        assertThat(browser.find("#q-what-went-wrong").isDisplayed()).isTrue();
        browser.find("input[name='q.nps'][value='7']").click();
        browser.waitUntilHidden("#q-what-went-wrong");
        assertThat(browser.find("#q-callback").isDisplayed()).isFalse();
        browser.screenshot("live-02-rating-7-hides-it");
    }

    @Test
    void supportSurvey_commentAppearsWhenNotResolved_andTheFormSpeaksTheBrowsersLanguageWithFallback() {
        String token = surveys.invite(FeedbackProgramme.SUPPORT, "C0004");
        browser.open("/s/" + token);
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.find("#q-comment").isDisplayed()).isFalse();
        browser.find("input[name='q.csat'][value='4']").click();
        browser.find("input[name='q.resolved'][value='no']").click();
        browser.waitFor(By.id("q-comment"));
        browser.find("input[name='q.resolved'][value='yes']").click();
        browser.waitUntilHidden("#q-comment");
        browser.find("input[name='q.csat'][value='2']").click();
        browser.waitFor(By.id("q-comment"));
        browser.screenshot("support-01-every-question-type");
        assertThat(browser.findAll("fieldset.question legend")).isNotEmpty()
                .allSatisfy(legend -> assertThat(legend.getText()).isNotBlank());
        assertThat(browser.find("label[for='q-comment-input']").getText()).contains("What could we have done better?");
    }

    @Test
    void anInvalidSubmission_showsEachViolationNextToItsField_andStoresNothing() {
        String token = surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0041");
        int followUpsBefore = loop.followUps().find(FollowUpQuery.all().withCustomer("C0041")).size();
        browser.open("/s/" + token);
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("#q-nps-error")).isEqualTo("Please answer this question.");
        assertThat(browser.find("#q-nps").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#error-summary").isDisplayed()).isTrue();
        browser.screenshot("invalid-01-nothing-answered");

        browser.find("input[name='q.nps'][value='2']").click();
        browser.waitFor(By.id("q-what-went-wrong"));
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("#q-what-went-wrong-error")).isEqualTo("Please answer this question.");
        assertThat(browser.findAll("#q-nps-error")).isEmpty();
        assertThat(browser.find("input[name='q.nps'][value='2']").isSelected()).isTrue();
        browser.screenshot("invalid-02-what-went-wrong-missing");
        assertThat(surveys.open(token).survey()).as("the link still opens: nothing was stored").isNotNull();
        assertThat(loop.followUps().find(FollowUpQuery.all().withCustomer("C0041"))).hasSize(followUpsBefore);

        browser.find("#q-what-went-wrong input[value='price']").click();
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Thank you");
        browser.screenshot("invalid-03-sent-once-complete");
        assertThat(loop.followUps().find(FollowUpQuery.all().withCustomer("C0041"))).hasSize(followUpsBefore + 1);
    }

    @Test
    void aUsedLink_isRefusedPolitely() {
        String token = surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0042");
        browser.open("/s/" + token);
        browser.find("input[name='q.nps'][value='10']").click();
        browser.submit("#survey button[type=submit]");
        browser.open("/s/" + token);
        assertThat(browser.find("main").getAttribute("data-problem")).isEqualTo("used");
        assertThat(browser.text("h1")).isEqualTo("You have already answered");
        assertThat(browser.findAll("form#survey")).isEmpty();
        browser.screenshot("link-01-used");
    }

    @Test
    void aTamperedLink_isRefusedPolitely() {
        String token = surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0043");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        browser.open("/s/" + tampered);
        assertThat(browser.find("main").getAttribute("data-problem")).isEqualTo("invalid");
        assertThat(browser.text("h1")).isEqualTo("This link does not work");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception").doesNotContain("at dev.");
        browser.screenshot("link-02-tampered");
        browser.open("/s/not-a-token");
        assertThat(browser.text("h1")).isEqualTo("This link does not work");
    }

    @Test
    void anExpiredLink_isRefusedPolitely() {
        String token = surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0044");
        clock.travelTo(Instant.now().plus(SurveyDesk.VALID_FOR).plus(Duration.ofHours(1)));
        try {
            browser.open("/s/" + token);
        } finally {
            clock.backToNow();
        }
        assertThat(browser.find("main").getAttribute("data-problem")).isEqualTo("expired");
        assertThat(browser.text("h1")).isEqualTo("This link has expired");
        browser.screenshot("link-03-expired");
    }
}
