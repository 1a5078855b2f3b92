package dev.feedbackloop.examples.webapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in the log where to click once the server listens, and how the demo agents log in. */
@Component
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final WebSecurity.DemoPassword password;

    StartupBanner(WebSecurity.DemoPassword password) {
        this.password = password;
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        String base = "http://localhost:" + event.getWebServer().getPort();
        LOG.info("""

                Feedback Loop web app is ready: {}/
                  customer side: click "Answer the survey" on that page (a fresh, signed invitation link)
                  agent side:    {}/inbox, log in as {} with the password {}
                                 then open a follow-up, contact and resolve it; see {}/care and {}/dashboard
                  operations:    {}/actuator/health and {}/actuator/metrics (logged in)
                """, base, base, String.join(", ", WebSecurity.AGENTS), password.value(), base, base, base, base);
    }
}
