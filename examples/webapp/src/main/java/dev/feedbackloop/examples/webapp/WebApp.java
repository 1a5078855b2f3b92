package dev.feedbackloop.examples.webapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The example host web application: {@code java -jar feedbackloop-webapp.jar [--server.port=8080]}. */
@SpringBootApplication
public class WebApp {

    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments, such as {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(WebApp.class, args);
    }
}
