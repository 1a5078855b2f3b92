package dev.feedbackloop.examples.webapp.survey;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.InvalidResponseException;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The customer's side of the loop: invitation links, the survey they open, and the answers they send. All calls
 * into the library for the survey page go through here.
 *
 * <p>A response sent through a link has the id {@code inv-TOKENID}: the same answers sent twice (a double click, a
 * retry) are stored once, and a link that has been answered is known before the form is shown. Display logic is
 * decided by the library: answers to questions that the customer's own answers hide are dropped before the
 * response is checked (a browser without JavaScript shows every question), and what is left is validated and
 * stored by the loop, which redeems the link in the same step. Thread-safe.
 */
@Service
public class SurveyDesk {

    /** How long an invitation link stays valid. */
    public static final Duration VALID_FOR = Duration.ofDays(14);

    private final FeedbackLoop loop;
    private final FeedbackStore store;
    private final Invitations invitations;
    private final ResponseValidator validator = ResponseValidator.standard();

    SurveyDesk(FeedbackLoop loop, FeedbackStore store, Invitations invitations) {
        this.loop = loop;
        this.store = store;
        this.invitations = invitations;
    }

    /**
     * Issues an invitation link's token for a registered customer; the response it brings carries the customer's
     * segment attributes (tier, plan, region, account owner), never their name.
     *
     * @param surveyId the survey
     * @param customerId the customer
     * @return the token for {@code /s/TOKEN}
     * @throws IllegalArgumentException if the customer is not registered
     */
    public String invite(String surveyId, String customerId) {
        Customer customer = loop.care().findCustomer(customerId)
                .orElseThrow(() -> new IllegalArgumentException("customerId: no customer " + customerId));
        var attributes = new HashMap<String, String>();
        for (String name : FeedbackProgramme.SEGMENTS) {
            putIfPresent(attributes, name, customer.attribute(name));
        }
        putIfPresent(attributes, FeedbackProgramme.ACCOUNT_OWNER, customer.attribute(FeedbackProgramme.ACCOUNT_OWNER));
        Invitation invitation = Invitation.of(surveyId, customerId, loop.now().plus(VALID_FOR))
                .withAttributes(attributes);
        return invitations.issue(invitation);
    }

    private static void putIfPresent(Map<String, String> map, String name, @Nullable String value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    /**
     * The registered customers' company names by id, in id order.
     *
     * @return the names
     */
    public Map<String, String> customers() {
        var names = new java.util.TreeMap<String, String>();
        store.forEachCustomer(activity -> {
            String name = activity.customer().attribute(FeedbackProgramme.NAME);
            names.put(activity.customer().id(), name == null ? activity.customer().id() : name);
        });
        return names;
    }

    /**
     * The ids of the registered surveys.
     *
     * @return the ids, sorted
     */
    public List<String> surveyIds() {
        return List.of(FeedbackProgramme.RELATIONSHIP, FeedbackProgramme.SUPPORT).stream()
                .filter(id -> !loop.surveyVersions(id).isEmpty()).toList();
    }

    /**
     * Opens the survey of a link.
     *
     * @param token the token from the link
     * @return the survey to show, or why the link cannot be used
     */
    public Opening open(String token) {
        Invitation invitation;
        try {
            invitation = invitations.verify(token, loop.now());
        } catch (InvitationException e) {
            return Opening.refused(problem(e.reason()));
        }
        String responseId = "inv-" + invitation.tokenId();
        if (loop.findResponse(responseId).isPresent()) {
            return Opening.refused(LinkProblem.USED);
        }
        List<Survey> versions = loop.surveyVersions(invitation.surveyId());
        if (versions.isEmpty()) {
            return Opening.refused(LinkProblem.INVALID);
        }
        return new Opening(versions.get(versions.size() - 1), responseId, null);
    }

    /**
     * Stores the answers sent through a link, or says what is wrong with them.
     *
     * @param token the token from the link
     * @param answers the form's fields
     * @return the outcome
     */
    public Outcome submit(String token, Answers answers) {
        Opening opening = open(token);
        if (opening.survey() == null) {
            return Outcome.refused(Objects.requireNonNull(opening.problem()));
        }
        Survey survey = opening.survey();
        var unreadable = new ArrayList<Violation>();
        Map<String, Answer> given = read(survey, answers, unreadable);
        Response response = visibleOnly(survey, Objects.requireNonNull(opening.responseId()), given);
        if (!unreadable.isEmpty()) {
            var all = new ArrayList<>(unreadable);
            all.addAll(validator.validate(survey, response).violations());
            return Outcome.invalid(survey, all);
        }
        try {
            loop.submit(response, token);
            return Outcome.accepted(survey);
        } catch (InvalidResponseException e) {
            return Outcome.invalid(survey, e.violations());
        } catch (InvitationException e) {
            return Outcome.refused(problem(e.reason()));
        } catch (LimitExceededException e) {
            return Outcome.refused(LinkProblem.TOO_MANY);
        }
    }

    /** The response without the answers that its own answers hide, as the library decides, dropped until none is. */
    private Response visibleOnly(Survey survey, String responseId, Map<String, Answer> given) {
        var answers = new LinkedHashMap<>(given);
        for (int round = 0; round <= survey.questions().size(); round++) {
            Set<String> hidden = validator.validate(survey, build(survey, responseId, answers)).violations().stream()
                    .filter(v -> v.is(ViolationCode.HIDDEN_ANSWERED))
                    .map(v -> questionId(survey, v.path()))
                    .collect(Collectors.toSet());
            if (hidden.isEmpty()) {
                break;
            }
            answers.keySet().removeAll(hidden);
        }
        return build(survey, responseId, answers);
    }

    /** A response without a respondent: the loop binds it to the invited customer from the token. */
    private Response build(Survey survey, String responseId, Map<String, Answer> answers) {
        Response.Builder builder = Response.builder(responseId, survey, loop.now()).channel("web");
        answers.forEach(builder::answer);
        return builder.build();
    }

    private static Map<String, Answer> read(Survey survey, Answers form, List<Violation> unreadable) {
        var answers = new LinkedHashMap<String, Answer>();
        for (Question question : survey.questions()) {
            String id = question.id();
            List<String> values = form.values(id);
            if (question instanceof NpsQuestion || question instanceof RatingQuestion) {
                if (!values.isEmpty()) {
                    try {
                        answers.put(id, Answer.rating(Integer.parseInt(values.get(0).trim())));
                    } catch (NumberFormatException e) {
                        unreadable.add(Violation.of("answers." + id, ViolationCode.WRONG_ANSWER_TYPE,
                                "not a number"));
                    }
                }
            } else if (question instanceof ChoiceQuestion choice) {
                String other = form.other(id).strip();
                if (!values.isEmpty() || (choice.allowOther() && !other.isEmpty())) {
                    Answer.Choice answer = new Answer.Choice(values.stream().distinct().toList(), null);
                    answers.put(id, other.isEmpty() ? answer : answer.withOther(other));
                }
            } else if (question instanceof TextQuestion) {
                String text = form.value(id);
                if (!text.isBlank()) {
                    answers.put(id, Answer.text(text));
                }
            } else if (question instanceof YesNoQuestion) {
                if (!values.isEmpty()) {
                    String value = values.get(0);
                    if (value.equals("yes") || value.equals("no")) {
                        answers.put(id, Answer.yesNo(value.equals("yes")));
                    } else {
                        unreadable.add(Violation.of("answers." + id, ViolationCode.WRONG_ANSWER_TYPE,
                                "expected yes or no"));
                    }
                }
            } else {
                throw new AssertionError("unknown question type " + question.getClass().getName());
            }
        }
        return answers;
    }

    /**
     * The question a violation's path names ({@code answers.ID}, or below it), or an empty string for the whole
     * response; question ids may hold dots, so the longest id that fits wins.
     */
    static String questionId(Survey survey, String path) {
        String best = "";
        for (Question question : survey.questions()) {
            String prefix = "answers." + question.id();
            boolean fits = path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
            if (fits && question.id().length() > best.length()) {
                best = question.id();
            }
        }
        return best;
    }

    private static LinkProblem problem(InvitationException.Reason reason) {
        return switch (reason) {
            case MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, OTHER_SURVEY -> LinkProblem.INVALID;
            case EXPIRED -> LinkProblem.EXPIRED;
            case ALREADY_USED -> LinkProblem.USED;
        };
    }

    /**
     * The survey a link opens, or why it cannot be used; exactly one is set. Immutable.
     *
     * @param survey the survey, or {@code null}
     * @param responseId the id the response through this link gets, or {@code null}
     * @param problem why not, or {@code null}
     */
    public record Opening(@Nullable Survey survey, @Nullable String responseId, @Nullable LinkProblem problem) {

        static Opening refused(LinkProblem problem) {
            return new Opening(null, null, problem);
        }
    }

    /**
     * What became of submitted answers: accepted, invalid (with every violation by question id, an empty id for the
     * whole response), or refused because of the link. Immutable.
     *
     * @param survey the survey answered, or {@code null} when refused
     * @param violations the stable violation codes by question id, in survey order; empty unless invalid
     * @param problem why the link was refused, or {@code null}
     */
    public record Outcome(@Nullable Survey survey, Map<String, String> violations, @Nullable LinkProblem problem) {

        public Outcome {
            violations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(violations));
        }

        static Outcome accepted(Survey survey) {
            return new Outcome(survey, Map.of(), null);
        }

        static Outcome refused(LinkProblem problem) {
            return new Outcome(null, Map.of(), problem);
        }

        static Outcome invalid(Survey survey, List<Violation> violations) {
            var byQuestion = new LinkedHashMap<String, String>();
            for (Question question : survey.questions()) {
                for (Violation violation : violations) {
                    if (questionId(survey, violation.path()).equals(question.id())) {
                        byQuestion.putIfAbsent(question.id(), violation.code());
                    }
                }
            }
            for (Violation violation : violations) {
                if (!byQuestion.containsKey(questionId(survey, violation.path()))) {
                    byQuestion.putIfAbsent("", violation.code());
                }
            }
            return new Outcome(survey, byQuestion, null);
        }

        /**
         * Whether the answers were stored.
         *
         * @return {@code true} if accepted
         */
        public boolean accepted() {
            return problem == null && violations.isEmpty();
        }
    }
}
