package dev.feedbackloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.condition.Condition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Display conditions are evaluated here, in the survey model, as each condition record documents. */
final class ConditionsTest {

    private static final Map<String, Answer> ANSWERS = Map.of(
            "nps", Answer.rating(4),
            "resolved", Answer.yesNo(false),
            "topics", Answer.choice("price", "support"),
            "why", Answer.text("slow"));

    /** One condition of each type that holds for {@link #ANSWERS}, and one that does not. */
    static Map<Class<?>, List<Condition>> oneOfEachType() {
        var cases = new LinkedHashMap<Class<?>, List<Condition>>();
        cases.put(Condition.Answered.class, List.of(Condition.answered("nps"), Condition.answered("comment")));
        cases.put(Condition.NotAnswered.class, List.of(Condition.notAnswered("comment"),
                Condition.notAnswered("nps")));
        cases.put(Condition.AtLeast.class, List.of(Condition.atLeast("nps", 4), Condition.atLeast("nps", 5)));
        cases.put(Condition.AtMost.class, List.of(Condition.atMost("nps", 4), Condition.atMost("nps", 3)));
        cases.put(Condition.Equals.class, List.of(Condition.equalTo("resolved", "no"),
                Condition.equalTo("why", "fast")));
        cases.put(Condition.In.class, List.of(Condition.in("topics", "support", "bugs"),
                Condition.in("topics", "bugs")));
        cases.put(Condition.All.class, List.of(Condition.all(Condition.answered("nps"), Condition.answered("why")),
                Condition.all(Condition.answered("nps"), Condition.answered("comment"))));
        cases.put(Condition.Any.class, List.of(Condition.any(Condition.answered("comment"), Condition.answered("why")),
                Condition.any(Condition.answered("comment"), Condition.atLeast("nps", 9))));
        cases.put(Condition.Not.class, List.of(Condition.not(Condition.atLeast("nps", 9)),
                Condition.not(Condition.answered("nps"))));
        return cases;
    }

    static Stream<Arguments> cases() {
        return oneOfEachType().entrySet().stream().map(entry -> Arguments.of(entry.getKey().getSimpleName(),
                entry.getValue().get(0), entry.getValue().get(1)));
    }

    @Test
    void everyConditionType_isEvaluated() {
        assertThat(oneOfEachType().keySet()).containsExactlyInAnyOrder(Condition.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void holds_followsTheRecordsDefinition(String type, Condition holding, Condition failing) {
        assertThat(Conditions.holds(holding, ANSWERS)).as("%s", holding).isTrue();
        assertThat(Conditions.holds(failing, ANSWERS)).as("%s", failing).isFalse();
    }

    @Test
    void comparisonOnUnansweredQuestion_isFalse() {
        assertThat(Conditions.holds(Condition.atMost("comment", 6), ANSWERS)).isFalse();
        assertThat(Conditions.holds(Condition.not(Condition.atMost("comment", 6)), ANSWERS)).isTrue();
    }

    @Test
    void isShown_withoutCondition_isTrue() {
        assertThat(TextQuestion.optional("why", "Why?").isShown(Map.of())).isTrue();
    }

    @Test
    void isShown_withCondition_followsTheCondition() {
        Question followUp = TextQuestion.builder("what", "What went wrong?").condition(Condition.atMost("nps", 6))
                .build();

        assertThat(followUp.isShown(Map.of("nps", Answer.rating(6)))).isTrue();
        assertThat(followUp.isShown(Map.of("nps", Answer.rating(7)))).isFalse();
        assertThat(followUp.isShown(Map.of())).isFalse();
    }
}
