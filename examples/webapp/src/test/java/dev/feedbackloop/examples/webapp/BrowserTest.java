package dev.feedbackloop.examples.webapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A browser test: the application on a random port over an in-memory H2 database with its demo data, shared by
 * every browser test class (one Spring context), and Chromium present (on CI a missing driver fails the test).
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:browser-tests;DB_CLOSE_DELAY=-1",
    "feedbackloop.demo.password=" + Browser.PASSWORD,
    "feedbackloop.invitations.secret=YnJvd3Nlci10ZXN0cy1zaWduaW5nLWtleS1vZi0zMi1ieXRlcy1vci1tb3Jl",
})
@ExtendWith(ChromiumPresent.class)
@interface BrowserTest {
}
