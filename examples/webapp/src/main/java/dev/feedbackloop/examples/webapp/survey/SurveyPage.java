package dev.feedbackloop.examples.webapp.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.json.SurveyJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The survey form as the template shows it: each question's text in the customer's language, its controls, what
 * the customer answered so far and the violation found next to it. Display conditions travel as the JSON of the
 * survey format ({@code data-condition}), which the page's script evaluates as the library does. Immutable.
 *
 * @param language the BCP 47 tag of the language shown
 * @param title the survey title
 * @param description the description, or {@code null}
 * @param questions the questions in order
 * @param general the code of a violation of the whole response, or {@code null}
 */
public record SurveyPage(String language, String title, @Nullable String description, List<QuestionView> questions,
                         @Nullable String general) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SurveyPage {
        questions = List.copyOf(questions);
    }

    /**
     * The language to show a survey in: the first of the browser's preferred languages that the survey is
     * translated into (by full tag, then by language), else the survey's default language.
     *
     * @param survey the survey
     * @param preferred the browser's languages, most preferred first
     * @return the language tag
     */
    public static String language(Survey survey, List<Locale> preferred) {
        Set<String> available = new LinkedHashSet<>(survey.title().translations().keySet());
        available.add(survey.defaultLanguage());
        for (Locale locale : preferred) {
            if (available.contains(locale.toLanguageTag())) {
                return locale.toLanguageTag();
            }
            if (available.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return survey.defaultLanguage();
    }

    /**
     * Builds the page.
     *
     * @param survey the survey
     * @param language the language to show
     * @param answers what the customer sent, or empty fields for a fresh form
     * @param violations violation codes by question id (an empty id for the whole response)
     * @param messages the page's messages by key, in the same language
     * @return the page
     */
    public static SurveyPage of(Survey survey, String language, Answers answers, Map<String, String> violations,
                                Function<String, String> messages) {
        JsonNode definition = definition(survey);
        var questions = new ArrayList<QuestionView>();
        for (int i = 0; i < survey.questions().size(); i++) {
            Question question = survey.questions().get(i);
            JsonNode condition = definition.path("questions").path(i).get("condition");
            String code = violations.get(question.id());
            questions.add(view(question, language, answers, condition == null ? null : condition.toString(),
                    code == null ? null : message(messages, code)));
        }
        String general = violations.get("");
        return new SurveyPage(language, survey.title().in(language),
                survey.description() == null ? null : survey.description().in(language), questions,
                general == null ? null : message(messages, general));
    }

    private static String message(Function<String, String> messages, String code) {
        String message = messages.apply("violation." + code);
        return message == null ? messages.apply("violation.other") : message;
    }

    private static JsonNode definition(Survey survey) {
        try {
            return JSON.readTree(SurveyJson.standard().write(survey));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the library's own survey JSON does not parse", e);
        }
    }

    private static QuestionView view(Question question, String language, Answers answers,
                                     @Nullable String condition, @Nullable String error) {
        String id = question.id();
        List<String> given = answers.values(id);
        var options = new ArrayList<OptionView>();
        String low = null;
        String high = null;
        boolean multiple = false;
        boolean allowOther = false;
        int maxLength = 0;
        if (question instanceof NpsQuestion) {
            for (int v = NpsQuestion.MIN; v <= NpsQuestion.MAX; v++) {
                options.add(new OptionView(String.valueOf(v), String.valueOf(v), given.contains(String.valueOf(v))));
            }
        } else if (question instanceof RatingQuestion rating) {
            for (int v = rating.scale().min(); v <= rating.scale().max(); v++) {
                options.add(new OptionView(String.valueOf(v), String.valueOf(v), given.contains(String.valueOf(v))));
            }
            low = text(rating.scale().labels().get(rating.scale().min()), language);
            high = text(rating.scale().labels().get(rating.scale().max()), language);
        } else if (question instanceof ChoiceQuestion choice) {
            for (ChoiceOption option : choice.options()) {
                options.add(new OptionView(option.id(), option.label().in(language), given.contains(option.id())));
            }
            multiple = choice.multiple();
            allowOther = choice.allowOther();
        } else if (question instanceof TextQuestion text) {
            maxLength = text.maxLength();
        } else if (question instanceof YesNoQuestion) {
            options.add(new OptionView("yes", "yes", given.contains("yes")));
            options.add(new OptionView("no", "no", given.contains("no")));
        } else {
            throw new AssertionError("unknown question type " + question.getClass().getName());
        }
        return new QuestionView(id, question.type(), question.prompt().in(language),
                text(question.helpText(), language), question.required(), condition, options, multiple, allowOther,
                maxLength, low, high, answers.other(id), answers.value(id), error);
    }

    private static @Nullable String text(@Nullable LocalizedText text, String language) {
        return text == null ? null : text.in(language);
    }

    /**
     * One question of the form. Immutable.
     *
     * @param id the question id, also the field name's suffix ({@code q.ID})
     * @param type the question type of the survey format: {@code nps}, {@code rating}, {@code choice},
     *     {@code text} or {@code yesNo}
     * @param prompt the question
     * @param help the help text, or {@code null}
     * @param required whether a visible answer is required
     * @param condition the display condition as survey-format JSON, or {@code null} when always shown
     * @param options the values to choose from (scale points, options, yes and no)
     * @param multiple whether several options may be chosen
     * @param allowOther whether an "other" text is allowed
     * @param maxLength the most characters of a text answer, 0 for other questions
     * @param lowLabel the label of a rating scale's lowest point, or {@code null}
     * @param highLabel the label of a rating scale's highest point, or {@code null}
     * @param other the "other" text sent
     * @param text the text answer sent
     * @param error what is wrong with the answer, or {@code null}
     */
    public record QuestionView(String id, String type, String prompt, @Nullable String help, boolean required,
                               @Nullable String condition, List<OptionView> options, boolean multiple,
                               boolean allowOther, int maxLength, @Nullable String lowLabel,
                               @Nullable String highLabel, String other, String text, @Nullable String error) {

        public QuestionView {
            options = List.copyOf(options);
        }
    }

    /**
     * One choice of a question. Immutable.
     *
     * @param value the value sent
     * @param label the label shown
     * @param checked whether it was chosen
     */
    public record OptionView(String value, String label, boolean checked) {
    }
}
