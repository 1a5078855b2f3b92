package dev.feedbackloop.examples.webapp;

import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in agent's name in every page's model as {@code agent}, for the page header. */
@ControllerAdvice
class AgentName {

    @ModelAttribute("agent")
    @Nullable String agent(@Nullable Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
