package dev.feedbackloop.examples.webapp;

import java.security.SecureRandom;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may see what: the survey pages and the landing page are public, every agent page needs a login. CSRF
 * protection stays on for every form (Spring Security's default), the survey form included. The demo agents share
 * one password, from {@code feedbackloop.demo.password} or made at start; {@link StartupBanner} prints it.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurity {

    /** The demo agents' user names. */
    public static final List<String> AGENTS = List.of("ana", "ben", "chloe");

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /**
     * The demo agents' password.
     *
     * @param configured the configured password, or empty to make one
     * @return the password
     */
    @Bean
    public DemoPassword demoPassword(@Value("${feedbackloop.demo.password:}") String configured) {
        if (!configured.isBlank()) {
            return new DemoPassword(configured);
        }
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new DemoPassword(password.toString());
    }

    /**
     * The demo agents, in memory.
     *
     * @param password their password
     * @return the users
     */
    @Bean
    public UserDetailsService agents(DemoPassword password) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var users = new InMemoryUserDetailsManager();
        for (String agent : AGENTS) {
            users.createUser(User.withUsername(agent).password(encoder.encode(password.value())).roles("AGENT")
                    .build());
        }
        return users;
    }

    /**
     * The filter chain.
     *
     * @param http the builder
     * @return the chain
     * @throws Exception if Spring Security cannot build it
     */
    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/s/**", "/app.css", "/charts.css", "/survey.js", "/login", "/error",
                                "/favicon.ico").permitAll()
                        .anyRequest().hasRole("AGENT"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    /**
     * The demo agents' password. Immutable.
     *
     * @param value the password
     */
    public record DemoPassword(String value) {

        @Override
        public String toString() {
            return "DemoPassword[****]";
        }
    }
}
