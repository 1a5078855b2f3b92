package dev.feedbackloop.examples.webapp;

import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.examples.webapp.survey.SurveyDesk;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The landing page, with a fresh invitation link for a demo customer, and the agents' page that makes links. */
@Controller
class HomeController {

    /** The customer whose link the landing page offers: a key account with an account manager. */
    static final String DEMO_CUSTOMER = "C0012";

    private final SurveyDesk surveys;

    HomeController(SurveyDesk surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("link", "/s/" + surveys.invite(FeedbackProgramme.RELATIONSHIP, DEMO_CUSTOMER));
        model.addAttribute("customerName", surveys.customers().getOrDefault(DEMO_CUSTOMER, DEMO_CUSTOMER));
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/invitations")
    String invitations(Model model) {
        return invitationPage(model, FeedbackProgramme.RELATIONSHIP, DEMO_CUSTOMER);
    }

    @PostMapping("/invitations")
    String invite(@RequestParam String survey, @RequestParam String customer, Model model) {
        Map<String, String> customers = surveys.customers();
        if (customers.containsKey(customer) && surveys.surveyIds().contains(survey)) {
            model.addAttribute("link", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/s/" + surveys.invite(survey, customer)).toUriString());
            model.addAttribute("customerName", customers.get(customer));
        }
        return invitationPage(model, survey, customer);
    }

    private String invitationPage(Model model, String survey, String customer) {
        model.addAttribute("surveys", surveys.surveyIds());
        model.addAttribute("customers", surveys.customers());
        model.addAttribute("chosenSurvey", survey);
        model.addAttribute("chosenCustomer", customer);
        return "agent/invitations";
    }
}
