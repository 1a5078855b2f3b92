package dev.feedbackloop.spring.boot.quickstart;

import dev.feedbackloop.core.followup.FollowUpPolicy;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The README's Spring Boot application: it says which answers need a person; the starter builds the loop. */
@SpringBootApplication
public class FeedbackApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedbackApplication.class, args);
    }

    @Bean
    FollowUpPolicy detractors() {  // answers 0-6 to "nps" need a person within 48 hours
        return FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48));
    }
}
