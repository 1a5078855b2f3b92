package dev.feedbackloop.examples.webapp;

import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Every page on a 420 px wide screen: nothing wider than the window, nothing cut off. */
final class NarrowScreenBrowserTest extends OneBrowserPerClass {

    @Override
    Browser startBrowser(int serverPort) {
        return Browser.start(serverPort, true, 420);
    }

    @Test
    void customerPages_fitA420PixelScreen() {
        browser.open("/");
        check("narrow-01-home");
        browser.open("/s/" + surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0036"));
        browser.find("input[name='q.nps'][value='5']").click();
        browser.waitFor(By.id("q-what-went-wrong"));
        check("narrow-02-survey");
        browser.submit("#survey button[type=submit]");
        check("narrow-03-survey-violations");
        browser.open("/s/" + surveys.invite(FeedbackProgramme.SUPPORT, "C0037"));
        browser.find("input[name='q.resolved'][value='no']").click();
        check("narrow-04-support-survey");
        browser.submit("#survey button[type=submit]");
        browser.find("input[name='q.csat'][value='5']").click();
        browser.find("input[name='q.ces'][value='6']").click();
        browser.find("input[name='q.channel'][value='chat']").click();
        browser.find("input[name='q.resolved'][value='yes']").click();
        browser.submit("#survey button[type=submit]");
        check("narrow-05-thanks");
        browser.open("/s/fl1.web1.tampered.link");
        check("narrow-06-link-refused");
    }

    @Test
    void agentPages_fitA420PixelScreen() {
        browser.open("/login");
        check("narrow-07-login");
        browser.login("chloe");
        check("narrow-08-inbox");
        var followUps = new ArrayList<FollowUp>();
        loop.forEachFollowUp(followUps::add);
        FollowUp longest = followUps.stream().max(Comparator.comparingInt(f -> f.history().size()))
                .orElseThrow();
        browser.open("/followup?id=" + URLEncoder.encode(longest.id(), StandardCharsets.UTF_8));
        check("narrow-09-followup");
        browser.open("/care");
        check("narrow-10-care");
        browser.open("/dashboard");
        check("narrow-11-dashboard");
        browser.open("/dashboard?period=month&segment=region");
        check("narrow-12-dashboard-by-month-and-region");
        browser.open("/invitations");
        browser.submit("form.filters button[type=submit]");
        check("narrow-13-invitation-link");
    }

    private void check(String screenshot) {
        browser.screenshot(screenshot);
        browser.assertNoHorizontalOverflow();
    }
}
