package dev.feedbackloop.examples.webapp;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.examples.webapp.survey.SurveyDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test class with one browser for all its tests, started before the first and closed after the last, on
 * the application that every browser test class shares. Subclasses choose the browser by overriding
 * {@link #startBrowser(int)}.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneBrowserPerClass {

    @LocalServerPort
    int port;
    @Autowired
    SurveyDesk surveys;
    @Autowired
    FeedbackLoop loop;
    Browser browser;

    /** The browser of this class: by default with scripts, 1400 px wide, preferring British English. */
    Browser startBrowser(int serverPort) {
        return Browser.start(serverPort, true, 1400);
    }

    @BeforeAll
    final void startTheBrowser() {
        browser = startBrowser(port);
    }

    @AfterAll
    final void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
