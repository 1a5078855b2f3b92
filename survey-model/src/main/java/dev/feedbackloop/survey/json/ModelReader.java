package dev.feedbackloop.survey.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Polarity;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingKind;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyDefinitionException;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a parsed JSON tree to the model, failing with a {@link MappingFailure} at the first problem. */
final class ModelReader {

    private static final Pattern PATH_PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)((?:[.\\[][A-Za-z0-9_\\]]*)*): "
            + "(.*)", Pattern.DOTALL);

    private static final Set<String> SURVEY_FIELDS =
            Set.of("id", "version", "defaultLanguage", "title", "description", "questions");
    private static final Set<String> COMMON_FIELDS =
            Set.of("type", "id", "prompt", "required", "helpText", "condition");
    private static final Set<String> RATING_FIELDS = union(COMMON_FIELDS, "kind", "scale", "polarity");
    private static final Set<String> CHOICE_FIELDS =
            union(COMMON_FIELDS, "multiple", "options", "allowOther", "minSelections", "maxSelections");
    private static final Set<String> TEXT_FIELDS = union(COMMON_FIELDS, "maxLength");
    private static final Set<String> SCALE_FIELDS = Set.of("min", "max", "labels");
    private static final Set<String> OPTION_FIELDS = Set.of("id", "label");
    private static final Set<String> TEXT_OBJECT_FIELDS = Set.of("text", "translations");
    private static final Set<String> RESPONSE_FIELDS = Set.of("id", "surveyId", "surveyVersion", "respondent",
            "submittedAt", "channel", "answers", "shownOrder");
    private static final Set<String> RESPONDENT_FIELDS = Set.of("customerId", "attributes");

    private ModelReader() {
    }

    private static Set<String> union(Set<String> base, String... more) {
        var all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    static Survey survey(JsonNode root) {
        Fields fields = Fields.of("", root, SURVEY_FIELDS);
        String id = fields.string("id");
        int version = fields.integer("version");
        String language = fields.optionalString("defaultLanguage");
        LocalizedText title = text(fields.pathOf("title"), fields.required("title", "a text"));
        JsonNode descriptionNode = fields.optional("description");
        LocalizedText description = descriptionNode == null ? null : text(fields.pathOf("description"),
                descriptionNode);
        List<JsonNode> questionNodes = fields.array("questions");
        var questions = new ArrayList<Question>(questionNodes.size());
        for (int i = 0; i < questionNodes.size(); i++) {
            questions.add(question(JsonPaths.element("questions", i), questionNodes.get(i)));
        }
        try {
            return construct("", () -> new Survey(id, version, language == null ? "en" : language, title,
                    description, questions));
        } catch (SurveyDefinitionException e) {
            var first = e.violations().get(0);
            String problem = first.message().startsWith(first.path() + ": ")
                    ? first.message().substring(first.path().length() + 2) : first.message();
            if (e.violations().size() > 1) {
                problem += " (and " + (e.violations().size() - 1) + " more definition violation"
                        + (e.violations().size() > 2 ? "s" : "") + ")";
            }
            throw new MappingFailure(first.path(), problem, e.violations());
        }
    }

    static Question question(String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MappingFailure(path, "expected a question object, got " + Fields.describe(node));
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || typeNode.isNull()) {
            throw new MappingFailure(JsonPaths.child(path, "type"),
                    "is missing; expected one of [choice, nps, rating, text, yesNo]");
        }
        String type = Fields.asString(JsonPaths.child(path, "type"), typeNode);
        Set<String> allowed = switch (type) {
            case "nps", "yesNo" -> COMMON_FIELDS;
            case "rating" -> RATING_FIELDS;
            case "choice" -> CHOICE_FIELDS;
            case "text" -> TEXT_FIELDS;
            default -> throw new MappingFailure(JsonPaths.child(path, "type"),
                    "'" + type + "' is not a question type; expected one of [choice, nps, rating, text, yesNo]");
        };
        Fields fields = Fields.of(path, node, allowed);
        String id = fields.string("id");
        LocalizedText prompt = text(fields.pathOf("prompt"), fields.required("prompt", "a text"));
        boolean required = fields.bool("required", false);
        JsonNode helpNode = fields.optional("helpText");
        LocalizedText help = helpNode == null ? null : text(fields.pathOf("helpText"), helpNode);
        JsonNode conditionNode = fields.optional("condition");
        Condition condition = conditionNode == null ? null : condition(fields.pathOf("condition"), conditionNode);
        switch (type) {
            case "nps":
                return construct(path, () -> new NpsQuestion(id, prompt, required, help, condition));
            case "yesNo":
                return construct(path, () -> new YesNoQuestion(id, prompt, required, help, condition));
            case "text":
                int maxLength = fields.integer("maxLength", TextQuestion.DEFAULT_MAX_LENGTH);
                return construct(path, () -> new TextQuestion(id, prompt, required, help, condition, maxLength));
            case "rating":
                RatingKind kind = kind(fields.pathOf("kind"), fields.string("kind"));
                Scale scale = scale(fields.pathOf("scale"), fields.required("scale", "a scale object"));
                String polarityName = fields.optionalString("polarity");
                Polarity polarity = polarityName == null ? Polarity.HIGHER_IS_BETTER
                        : polarity(fields.pathOf("polarity"), polarityName);
                return construct(path, () -> new RatingQuestion(id, prompt, required, help, condition, kind, scale,
                        polarity));
            case "choice":
                boolean multiple = fields.bool("multiple", false);
                List<JsonNode> optionNodes = fields.array("options");
                var options = new ArrayList<ChoiceOption>(optionNodes.size());
                for (int j = 0; j < optionNodes.size(); j++) {
                    options.add(option(JsonPaths.element(fields.pathOf("options"), j), optionNodes.get(j)));
                }
                boolean allowOther = fields.bool("allowOther", false);
                int min = fields.integer("minSelections", 1);
                int max = fields.integer("maxSelections",
                        multiple ? options.size() + (allowOther ? 1 : 0) : 1);
                return construct(path, () -> new ChoiceQuestion(id, prompt, required, help, condition, multiple,
                        options, allowOther, min, max));
            default:
                throw new AssertionError("unhandled question type " + type);
        }
    }

    private static RatingKind kind(String path, String name) {
        return switch (name) {
            case "csat" -> RatingKind.CSAT;
            case "ces" -> RatingKind.CES;
            case "generic" -> RatingKind.GENERIC;
            default -> throw new MappingFailure(path, "'" + name + "' is not a rating kind; expected one of "
                    + "[ces, csat, generic]");
        };
    }

    private static Polarity polarity(String path, String name) {
        return switch (name) {
            case "higherIsBetter" -> Polarity.HIGHER_IS_BETTER;
            case "lowerIsBetter" -> Polarity.LOWER_IS_BETTER;
            default -> throw new MappingFailure(path, "'" + name + "' is not a polarity; expected one of "
                    + "[higherIsBetter, lowerIsBetter]");
        };
    }

    private static Scale scale(String path, JsonNode node) {
        Fields fields = Fields.of(path, node, SCALE_FIELDS);
        int min = fields.integer("min");
        int max = fields.integer("max");
        var labels = new LinkedHashMap<Integer, LocalizedText>();
        JsonNode labelNode = fields.optional("labels");
        if (labelNode != null) {
            String labelsPath = fields.pathOf("labels");
            if (!labelNode.isObject()) {
                throw new MappingFailure(labelsPath, "expected an object of labels by point, got "
                        + Fields.describe(labelNode));
            }
            for (Map.Entry<String, JsonNode> entry : labelNode.properties()) {
                String pointPath = JsonPaths.child(labelsPath, entry.getKey());
                int point;
                try {
                    point = Integer.parseInt(entry.getKey());
                } catch (NumberFormatException e) {
                    throw new MappingFailure(pointPath, "'" + entry.getKey() + "' is not a point of the scale");
                }
                if (!Integer.toString(point).equals(entry.getKey())) {
                    throw new MappingFailure(pointPath, "'" + entry.getKey() + "' is not a point of the scale");
                }
                labels.put(point, text(pointPath, entry.getValue()));
            }
        }
        return construct(path, () -> new Scale(min, max, labels));
    }

    private static ChoiceOption option(String path, JsonNode node) {
        Fields fields = Fields.of(path, node, OPTION_FIELDS);
        String id = fields.string("id");
        LocalizedText label = text(fields.pathOf("label"), fields.required("label", "a text"));
        return construct(path, () -> new ChoiceOption(id, label));
    }

    static LocalizedText text(String path, JsonNode node) {
        if (node.isTextual()) {
            return construct(path, () -> LocalizedText.of(node.textValue()));
        }
        if (!node.isObject()) {
            throw new MappingFailure(path, "expected a string or an object with text and translations, got "
                    + Fields.describe(node));
        }
        Fields fields = Fields.of(path, node, TEXT_OBJECT_FIELDS);
        String text = fields.string("text");
        Map<String, String> translations =
                fields.members("translations", "an object of texts by language tag", Fields::asString);
        return construct(path, () -> new LocalizedText(text, translations));
    }

    static Condition condition(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new MappingFailure(path, "expected a condition object, got " + Fields.describe(node));
        }
        JsonNode typeNode = node.get("type");
        String typePath = JsonPaths.child(path, "type");
        if (typeNode == null || typeNode.isNull()) {
            throw new MappingFailure(typePath, "is missing; expected one of " + CONDITION_TYPES);
        }
        String type = Fields.asString(typePath, typeNode);
        switch (type) {
            case "answered", "notAnswered": {
                Fields fields = Fields.of(path, node, Set.of("type", "question"));
                String question = fields.string("question");
                return type.equals("answered") ? new Condition.Answered(question)
                        : new Condition.NotAnswered(question);
            }
            case "atLeast", "atMost": {
                Fields fields = Fields.of(path, node, Set.of("type", "question", "value"));
                String question = fields.string("question");
                int value = fields.integer("value");
                return type.equals("atLeast") ? new Condition.AtLeast(question, value)
                        : new Condition.AtMost(question, value);
            }
            case "equals": {
                Fields fields = Fields.of(path, node, Set.of("type", "question", "value"));
                return new Condition.Equals(fields.string("question"), fields.string("value"));
            }
            case "in": {
                Fields fields = Fields.of(path, node, Set.of("type", "question", "values"));
                String question = fields.string("question");
                List<String> values = fields.strings("values");
                return construct(path, () -> new Condition.In(question, Set.copyOf(values)));
            }
            case "all", "any": {
                Fields fields = Fields.of(path, node, Set.of("type", "conditions"));
                List<JsonNode> partNodes = fields.array("conditions");
                var parts = new ArrayList<Condition>(partNodes.size());
                for (int k = 0; k < partNodes.size(); k++) {
                    parts.add(condition(JsonPaths.element(fields.pathOf("conditions"), k), partNodes.get(k)));
                }
                return construct(path, () -> type.equals("all") ? new Condition.All(parts)
                        : new Condition.Any(parts));
            }
            case "not": {
                Fields fields = Fields.of(path, node, Set.of("type", "condition"));
                return new Condition.Not(condition(fields.pathOf("condition"),
                        fields.required("condition", "a condition")));
            }
            default:
                throw new MappingFailure(typePath, "'" + type + "' is not a condition type; expected one of "
                        + CONDITION_TYPES);
        }
    }

    private static final String CONDITION_TYPES =
            "[all, answered, any, atLeast, atMost, equals, in, not, notAnswered]";

    static Response response(JsonNode root) {
        Fields fields = Fields.of("", root, RESPONSE_FIELDS);
        String id = fields.string("id");
        String surveyId = fields.string("surveyId");
        int surveyVersion = fields.integer("surveyVersion");
        JsonNode respondentNode = fields.optional("respondent");
        Respondent respondent = respondentNode == null ? Respondent.anonymous()
                : respondent(fields.pathOf("respondent"), respondentNode);
        String submittedText = fields.string("submittedAt");
        Instant submittedAt;
        try {
            submittedAt = Instant.parse(submittedText);
        } catch (DateTimeParseException e) {
            throw new MappingFailure(fields.pathOf("submittedAt"), "'" + abbreviate(submittedText)
                    + "' is not an ISO-8601 instant such as 2024-03-05T10:15:30Z");
        }
        String channel = fields.string("channel");
        Map<String, Answer> answers =
                fields.members("answers", "an object of answers by question id", ModelReader::answer);
        List<String> shownOrder = fields.strings("shownOrder", List.of());
        return construct("", () -> new Response(id, surveyId, surveyVersion, respondent, submittedAt, channel,
                answers, shownOrder));
    }

    private static Respondent respondent(String path, JsonNode node) {
        Fields fields = Fields.of(path, node, RESPONDENT_FIELDS);
        String customerId = fields.optionalString("customerId");
        Map<String, String> attributes =
                fields.members("attributes", "an object of attribute values by name", Fields::asString);
        return construct(path, () -> new Respondent(customerId, attributes));
    }

    static Answer answer(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new MappingFailure(path, "expected an answer object, got " + Fields.describe(node));
        }
        JsonNode typeNode = node.get("type");
        String typePath = JsonPaths.child(path, "type");
        if (typeNode == null || typeNode.isNull()) {
            throw new MappingFailure(typePath, "is missing; expected one of " + ANSWER_TYPES);
        }
        String type = Fields.asString(typePath, typeNode);
        switch (type) {
            case "rating": {
                Fields fields = Fields.of(path, node, Set.of("type", "value"));
                return Answer.rating(fields.integer("value"));
            }
            case "yesNo": {
                Fields fields = Fields.of(path, node, Set.of("type", "value"));
                return Answer.yesNo(fields.bool("value"));
            }
            case "text": {
                Fields fields = Fields.of(path, node, Set.of("type", "text"));
                return Answer.text(fields.string("text"));
            }
            case "choice": {
                Fields fields = Fields.of(path, node, Set.of("type", "optionIds", "otherText"));
                List<String> optionIds = fields.strings("optionIds", List.of());
                String other = fields.optionalString("otherText");
                return construct(path, () -> new Answer.Choice(optionIds, other));
            }
            default:
                throw new MappingFailure(typePath, "'" + type + "' is not an answer type; expected one of "
                        + ANSWER_TYPES);
        }
    }

    private static final String ANSWER_TYPES = "[choice, rating, text, yesNo]";

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** Runs a record constructor, turning its IllegalArgumentException into a failure at the right path. */
    static <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            Matcher matcher = PATH_PREFIX.matcher(message);
            if (!matcher.matches()) {
                throw new MappingFailure(path, message);
            }
            String first = matcher.group(1);
            String relative = first + matcher.group(2);
            String full;
            if (path.equals(first) || path.endsWith("." + first)) {
                full = path.substring(0, path.length() - first.length()) + relative;
            } else {
                full = JsonPaths.child(path, relative);
            }
            throw new MappingFailure(full, matcher.group(3));
        }
    }
}
