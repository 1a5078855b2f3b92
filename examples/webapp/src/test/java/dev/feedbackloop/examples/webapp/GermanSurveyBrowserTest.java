package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The survey in the browser's language: Swiss German falls back to German, text and messages alike. */
final class GermanSurveyBrowserTest extends OneBrowserPerClass {

    @Override
    Browser startBrowser(int serverPort) {
        return Browser.start(serverPort, true, 1400, "de-CH,de");
    }

    @Test
    void aSwissGermanBrowser_getsTheGermanSurvey_itsMessagesAndItsThanks() {
        browser.open("/s/" + surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0035"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("de");
        assertThat(browser.text("h1")).isEqualTo("Wie machen wir uns?");
        browser.find("input[name='q.nps'][value='5']").click();
        browser.waitFor(By.id("q-what-went-wrong"));
        assertThat(browser.text("#q-what-went-wrong legend")).startsWith("Was hat Sie enttäuscht?");
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("#q-what-went-wrong-error")).isEqualTo("Bitte beantworten Sie diese Frage.");
        browser.screenshot("german-01-violation");
        browser.find("#q-what-went-wrong input[value='price']").click();
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Vielen Dank");
        browser.screenshot("german-02-thanks");
    }
}
