package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.examples.webapp.survey.SurveyDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The survey in the browser's language: Swiss German falls back to German, text and messages alike. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class GermanSurveyBrowserTest {

    @LocalServerPort
    private int port;
    @Autowired
    private SurveyDesk surveys;
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(port, true, 1400, "de-CH,de");
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
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
    }
}
