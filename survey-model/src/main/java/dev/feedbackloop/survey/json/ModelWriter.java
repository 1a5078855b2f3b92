package dev.feedbackloop.survey.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps the model to a JSON tree: fields in a fixed order, map keys and sets sorted, defaults written out except
 * empty optional collections, so that the same value always gives the same text.
 */
final class ModelWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelWriter() {
    }

    static ObjectNode survey(Survey survey) {
        ObjectNode node = NODES.objectNode();
        node.put("id", survey.id());
        node.put("version", survey.version());
        node.put("defaultLanguage", survey.defaultLanguage());
        node.set("title", text(survey.title()));
        if (survey.description() != null) {
            node.set("description", text(survey.description()));
        }
        ArrayNode questions = node.putArray("questions");
        for (Question question : survey.questions()) {
            questions.add(question(question));
        }
        return node;
    }

    static ObjectNode question(Question question) {
        ObjectNode node = NODES.objectNode();
        node.put("type", question.type());
        node.put("id", question.id());
        node.set("prompt", text(question.prompt()));
        node.put("required", question.required());
        if (question.helpText() != null) {
            node.set("helpText", text(question.helpText()));
        }
        if (question.condition() != null) {
            node.set("condition", condition(question.condition()));
        }
        if (question instanceof RatingQuestion rating) {
            node.put("kind", kindName(rating.kind()));
            node.set("scale", scale(rating.scale()));
            node.put("polarity", polarityName(rating.polarity()));
        } else if (question instanceof ChoiceQuestion choice) {
            node.put("multiple", choice.multiple());
            ArrayNode options = node.putArray("options");
            for (ChoiceOption option : choice.options()) {
                ObjectNode optionNode = options.addObject();
                optionNode.put("id", option.id());
                optionNode.set("label", text(option.label()));
            }
            node.put("allowOther", choice.allowOther());
            node.put("minSelections", choice.minSelections());
            node.put("maxSelections", choice.maxSelections());
        } else if (question instanceof TextQuestion text) {
            node.put("maxLength", text.maxLength());
        }
        return node;
    }

    private static String kindName(RatingKind kind) {
        return switch (kind) {
            case CSAT -> "csat";
            case CES -> "ces";
            case GENERIC -> "generic";
        };
    }

    private static String polarityName(Polarity polarity) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> "higherIsBetter";
            case LOWER_IS_BETTER -> "lowerIsBetter";
        };
    }

    private static ObjectNode scale(Scale scale) {
        ObjectNode node = NODES.objectNode();
        node.put("min", scale.min());
        node.put("max", scale.max());
        if (!scale.labels().isEmpty()) {
            ObjectNode labels = node.putObject("labels");
            new TreeMap<>(scale.labels()).forEach((point, label) -> labels.set(Integer.toString(point), text(label)));
        }
        return node;
    }

    static JsonNode text(LocalizedText text) {
        if (text.translations().isEmpty()) {
            return NODES.textNode(text.text());
        }
        ObjectNode node = NODES.objectNode();
        node.put("text", text.text());
        ObjectNode translations = node.putObject("translations");
        new TreeMap<>(text.translations()).forEach(translations::put);
        return node;
    }

    static ObjectNode condition(Condition condition) {
        ObjectNode node = NODES.objectNode();
        if (condition instanceof Condition.Answered answered) {
            node.put("type", "answered");
            node.put("question", answered.questionId());
        } else if (condition instanceof Condition.NotAnswered notAnswered) {
            node.put("type", "notAnswered");
            node.put("question", notAnswered.questionId());
        } else if (condition instanceof Condition.AtLeast atLeast) {
            node.put("type", "atLeast");
            node.put("question", atLeast.questionId());
            node.put("value", atLeast.value());
        } else if (condition instanceof Condition.AtMost atMost) {
            node.put("type", "atMost");
            node.put("question", atMost.questionId());
            node.put("value", atMost.value());
        } else if (condition instanceof Condition.Equals equals) {
            node.put("type", "equals");
            node.put("question", equals.questionId());
            node.put("value", equals.value());
        } else if (condition instanceof Condition.In in) {
            node.put("type", "in");
            node.put("question", in.questionId());
            ArrayNode values = node.putArray("values");
            new TreeSet<>(in.values()).forEach(values::add);
        } else if (condition instanceof Condition.All all) {
            node.put("type", "all");
            ArrayNode parts = node.putArray("conditions");
            all.conditions().forEach(part -> parts.add(condition(part)));
        } else if (condition instanceof Condition.Any any) {
            node.put("type", "any");
            ArrayNode parts = node.putArray("conditions");
            any.conditions().forEach(part -> parts.add(condition(part)));
        } else if (condition instanceof Condition.Not not) {
            node.put("type", "not");
            node.set("condition", condition(not.condition()));
        } else {
            throw new AssertionError("unhandled condition type " + condition.getClass());
        }
        return node;
    }

    static ObjectNode response(Response response) {
        ObjectNode node = NODES.objectNode();
        node.put("id", response.id());
        node.put("surveyId", response.surveyId());
        node.put("surveyVersion", response.surveyVersion());
        ObjectNode respondent = node.putObject("respondent");
        if (response.respondent().customerId() != null) {
            respondent.put("customerId", response.respondent().customerId());
        }
        if (!response.respondent().attributes().isEmpty()) {
            ObjectNode attributes = respondent.putObject("attributes");
            new TreeMap<>(response.respondent().attributes()).forEach(attributes::put);
        }
        node.put("submittedAt", response.submittedAt().toString());
        node.put("channel", response.channel());
        ObjectNode answers = node.putObject("answers");
        for (Map.Entry<String, Answer> entry : new TreeMap<>(response.answers()).entrySet()) {
            answers.set(entry.getKey(), answer(entry.getValue()));
        }
        if (!response.shownOrder().isEmpty()) {
            ArrayNode shown = node.putArray("shownOrder");
            response.shownOrder().forEach(shown::add);
        }
        return node;
    }

    static ObjectNode answer(Answer answer) {
        ObjectNode node = NODES.objectNode();
        if (answer instanceof Answer.Rating rating) {
            node.put("type", "rating");
            node.put("value", rating.value());
        } else if (answer instanceof Answer.Choice choice) {
            node.put("type", "choice");
            ArrayNode options = node.putArray("optionIds");
            choice.optionIds().forEach(options::add);
            if (choice.otherText() != null) {
                node.put("otherText", choice.otherText());
            }
        } else if (answer instanceof Answer.Text text) {
            node.put("type", "text");
            node.put("text", text.text());
        } else if (answer instanceof Answer.YesNo yesNo) {
            node.put("type", "yesNo");
            node.put("value", yesNo.value());
        } else {
            throw new AssertionError("unhandled answer type " + answer.getClass());
        }
        return node;
    }
}
