package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The loop closed in a browser: a customer answers, an agent responds, the dashboard counts it, and the actuator's
 * health and metrics show the loop.
 */
@ExtendWith(OutputCaptureExtension.class)
final class ClosingTheLoopBrowserTest extends OneBrowserPerClass {

    @Test
    void detractorAnswersThroughALink_agentContactsAndResolves_dashboardCountsItOnTime() {
        browser.login("ana").open("/dashboard");
        browser.screenshot("loop-00-dashboard-before");
        long neededBefore = Long.parseLong(browser.text("#needed"));
        long withinBefore = Long.parseLong(browser.text("#within"));
        String customer = surveys.customers().get("C0031");

        browser.open("/s/" + surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0031"));
        browser.screenshot("loop-01-survey");
        browser.find("input[name='q.nps'][value='3']").click();
        browser.waitFor(By.id("q-what-went-wrong"));
        browser.find("#q-what-went-wrong input[value='support']").click();
        browser.find("#q-callback input[value='yes']").click();
        browser.find("#q-reason-input").sendKeys("Support never called back about the export bug.");
        browser.screenshot("loop-02-survey-detractor");
        browser.submit("#survey button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Thank you");
        browser.screenshot("loop-03-thanks");

        browser.open("/inbox?owner=cs-team&policy=nps-detractor");
        browser.screenshot("loop-04-inbox");
        browser.driver().findElement(By.linkText(customer)).click();
        browser.waitFor(By.id("contact-form"));
        assertThat(browser.text("#state")).isEqualTo("open");
        assertThat(browser.text("#verdict")).isEqualTo("pending");
        assertThat(browser.text("#h-what + dl.qa dd:nth-of-type(2)")).as("the option's label").isEqualTo("Support");
        browser.screenshot("loop-05-followup-open");
        browser.find("#contact-form textarea[name=note]").sendKeys("Called, apologised, the fix ships Friday.");
        browser.submit("#contact-form button[type=submit]");
        assertThat(browser.text("#done")).contains("contacted");
        assertThat(browser.text("#state")).isEqualTo("contacted");
        browser.find("#resolve-form textarea[name=note]").sendKeys("Fix confirmed by the customer.");
        browser.submit("#resolve-form button[type=submit]");
        assertThat(browser.text("#state")).isEqualTo("resolved");
        assertThat(browser.text("#verdict")).isEqualTo("on time");
        assertThat(browser.text("#first-contact")).startsWith("phone by ana");
        assertThat(browser.text("#resolution")).isEqualTo("credit issued, root cause: billing");
        browser.screenshot("loop-06-followup-resolved");

        browser.open("/dashboard");
        assertThat(Long.parseLong(browser.text("#needed"))).isEqualTo(neededBefore + 1);
        assertThat(Long.parseLong(browser.text("#within"))).isEqualTo(withinBefore + 1);
        browser.screenshot("loop-07-dashboard");

        JsonNode health = json("/actuator/health").path("components").path("feedbackloop");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        // delivered events may wait for a later write to remove them: a small backlog is healthy
        assertThat(health.path("details").path("outboxBacklog").asInt(-1)).isBetween(0, 100);
        JsonNode resolved = json("/actuator/metrics/feedbackloop.followups.resolved?tag=policy:nps-detractor");
        assertThat(resolved.path("measurements").path(0).path("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    private JsonNode json(String path) {
        browser.open(path);
        try {
            return new ObjectMapper().readTree(browser.text("pre"));
        } catch (JsonProcessingException e) {
            throw new AssertionError(path + " did not answer JSON", e);
        }
    }

    @Test
    void markupInAnAnswer_isShownAsTextInTheInboxAndOnTheDashboard_andNeverReachesTheLog(CapturedOutput log) {
        String markup = "<script>document.title='pwned'</script><b>bold?</b> & <img src=x onerror=alert(1)>";
        browser.login("ana");
        browser.open("/s/" + surveys.invite(FeedbackProgramme.RELATIONSHIP, "C0023"));
        browser.find("input[name='q.nps'][value='1']").click();
        browser.waitFor(By.id("q-what-went-wrong"));
        browser.find("#q-what-went-wrong input[name='q.what-went-wrong.other']").sendKeys("<i>other</i>");
        browser.find("#q-reason-input").sendKeys(markup);
        browser.screenshot("markup-00-survey");
        browser.submit("#survey button[type=submit]");

        browser.open("/inbox?policy=nps-detractor");
        assertThat(browser.findAll("td.verbatim")).anySatisfy(cell -> assertThat(cell.getText()).contains(markup));
        assertThat(browser.findAll("td.verbatim b, td.verbatim img, td.verbatim i")).isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("Inbox");
        browser.screenshot("markup-01-inbox");

        browser.open("/dashboard");
        assertThat(browser.findAll("#comments blockquote"))
                .anySatisfy(quote -> assertThat(quote.getText()).contains(markup));
        assertThat(browser.findAll("#comments b, #comments img, #comments script")).isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("Dashboard");
        browser.screenshot("markup-02-dashboard");
        assertThat(log.getAll()).doesNotContain("bold?").doesNotContain("Tags <&> Labels")
                .doesNotContain("C0023").doesNotContain("fl1.");
    }
}
