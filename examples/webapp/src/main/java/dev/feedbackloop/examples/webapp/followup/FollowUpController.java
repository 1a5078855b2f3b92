package dev.feedbackloop.examples.webapp.followup;

import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agents' pages: the inbox, a follow-up with its actions, and the care view. An action that meets a newer
 * version shows the follow-up as it is now with a conflict message, and keeps what the agent typed.
 */
@Controller
class FollowUpController {

    private static final List<String> CHANNELS = List.of("phone", "email", "video call", "meeting");
    private static final List<String> CLOSE_REASONS = List.of("no-contact-possible", "customer-declined",
            "duplicate", "not-actionable");

    private final FollowUpDesk desk;

    FollowUpController(FollowUpDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) String owner, @RequestParam(required = false) String policy,
                 @RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        InboxFilter filter = InboxFilter.of(owner, policy, state);
        model.addAttribute("filter", filter);
        model.addAttribute("filters", desk.filters());
        model.addAttribute("states", FollowUpState.values());
        model.addAttribute("inbox", desk.inbox(filter, page));
        return "agent/inbox";
    }

    @GetMapping("/followup")
    String followUp(@RequestParam String id, Model model) {
        return page(id, model);
    }

    @PostMapping("/followup/{action}")
    String act(@RequestParam String id, @PathVariable String action, @RequestParam long version,
               @RequestParam(required = false) String note, @RequestParam(required = false) String channel,
               @RequestParam(required = false) String code, @RequestParam(required = false) String rootCause,
               @RequestParam(required = false) String reason, Principal agent, Model model,
               RedirectAttributes redirect) {
        Action parsed;
        try {
            parsed = Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ActionResult result = desk.act(id, version, parsed, ActionInput.of(note, channel, code, rootCause, reason),
                agent.getName());
        switch (result.outcome()) {
            case DONE -> {
                redirect.addFlashAttribute("done", "Saved: the follow-up is " + parsed.pastTense()
                        + " (now version " + result.seenVersion() + ").");
                return "redirect:" + UriComponentsBuilder.fromPath("/followup").queryParam("id", id).encode()
                        .toUriString();
            }
            case MISSING -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case CONFLICT, REFUSED -> {
                model.addAttribute("result", result);
                model.addAttribute("attempted", parsed.path());
                model.addAttribute("typedNote", note == null ? "" : note);
                return page(id, model);
            }
        }
        throw new AssertionError("unknown outcome " + result.outcome());
    }

    @GetMapping("/care")
    String care(Model model) {
        model.addAttribute("care", desk.care());
        return "agent/care";
    }

    private String page(String id, Model model) {
        FollowUpDesk.Details details = desk.details(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("d", details);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("codes", new TreeSet<>(FeedbackProgramme.RESOLUTION_CODES));
        model.addAttribute("causes", new TreeSet<>(FeedbackProgramme.ROOT_CAUSES));
        model.addAttribute("reasons", CLOSE_REASONS);
        return "agent/followup";
    }
}
