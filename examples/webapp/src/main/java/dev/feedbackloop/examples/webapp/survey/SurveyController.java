package dev.feedbackloop.examples.webapp.survey;

import dev.feedbackloop.survey.Survey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's pages: the survey behind an invitation link ({@code /s/TOKEN}), the answers posted back to the
 * same address, the thank-you page, and a friendly page for a link that cannot be used.
 */
@Controller
class SurveyController {

    private final SurveyDesk desk;
    private final MessageSource messages;

    SurveyController(SurveyDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    @GetMapping("/s/{token}")
    String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        SurveyDesk.Opening opening = desk.open(token);
        if (opening.survey() == null) {
            return refused(Objects.requireNonNull(opening.problem()), response, model);
        }
        return form(token, opening.survey(), new Answers(Map.of()), Map.of(), request, model);
    }

    @PostMapping("/s/{token}")
    String answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> fields,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Answers answers = new Answers(fields);
        SurveyDesk.Outcome outcome = desk.submit(token, answers);
        if (outcome.problem() != null) {
            return refused(outcome.problem(), response, model);
        }
        if (outcome.accepted()) {
            return "redirect:/s/thanks";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(token, Objects.requireNonNull(outcome.survey()), answers, outcome.violations(), request,
                model);
    }

    @GetMapping("/s/thanks")
    String thanks() {
        return "survey/thanks";
    }

    private String form(String token, Survey survey, Answers answers, Map<String, String> violations,
                        HttpServletRequest request, Model model) {
        List<Locale> preferred = Collections.list(request.getLocales());
        String language = SurveyPage.language(survey, preferred);
        Locale locale = Locale.forLanguageTag(language);
        SurveyPage page = SurveyPage.of(survey, language, answers, violations,
                key -> messages.getMessage(key, null, null, locale));
        model.addAttribute("token", token);
        model.addAttribute("page", page);
        model.addAttribute("errors", violations.size());
        return "survey/form";
    }

    private static String refused(LinkProblem problem, HttpServletResponse response, Model model) {
        response.setStatus(switch (problem) {
            case INVALID -> HttpStatus.NOT_FOUND.value();
            case EXPIRED -> HttpStatus.GONE.value();
            case USED -> HttpStatus.CONFLICT.value();
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS.value();
        });
        model.addAttribute("problem", problem.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return "survey/link";
    }
}
