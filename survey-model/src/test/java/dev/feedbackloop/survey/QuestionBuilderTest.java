package dev.feedbackloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The factories and builders of every question type: defaults, every setter, and what they reject. */
final class QuestionBuilderTest {

    private static final List<ChoiceOption> OPTIONS =
            List.of(ChoiceOption.of("price", "Price"), ChoiceOption.of("bugs", "Bugs"));
    private static final Condition DETRACTOR = Condition.atMost("nps", 6);

    /** A builder of each question type, with its id and prompt set and nothing else. */
    static Map<Class<?>, Question.Builder<?, ?>> oneBuilderOfEachType() {
        return Map.of(
                NpsQuestion.Builder.class, NpsQuestion.builder("q"),
                RatingQuestion.Builder.class, RatingQuestion.builder("q", "Rate us").csat(Scale.of(1, 5)),
                ChoiceQuestion.Builder.class, ChoiceQuestion.builder("q", "Pick").options(OPTIONS),
                TextQuestion.Builder.class, TextQuestion.builder("q", "Why?"),
                YesNoQuestion.Builder.class, YesNoQuestion.builder("q", "Resolved?"));
    }

    static Stream<Arguments> builders() {
        return oneBuilderOfEachType().entrySet().stream()
                .map(entry -> Arguments.of(entry.getKey().getSimpleName(), entry.getValue()));
    }

    @Nested
    final class EveryBuilder {

        @Test
        void everyQuestionType_hasOneBuilder() {
            assertThat(oneBuilderOfEachType().keySet())
                    .containsExactlyInAnyOrder(Question.Builder.class.getPermittedSubclasses());
            assertThat(oneBuilderOfEachType().values().stream().<Class<?>>map(builder -> builder.build().getClass()))
                    .containsExactlyInAnyOrder(Question.class.getPermittedSubclasses());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.feedbackloop.survey.QuestionBuilderTest#builders")
        void build_byDefault_isRequiredUnconditionalAndWithoutHelp(String type, Question.Builder<?, ?> builder) {
            Question question = builder.build();

            assertThat(question.id()).isEqualTo("q");
            assertThat(question.required()).isTrue();
            assertThat(question.condition()).isNull();
            assertThat(question.helpText()).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.feedbackloop.survey.QuestionBuilderTest#builders")
        void commonSetters_setTheirComponents(String type, Question.Builder<?, ?> builder) {
            Question question = builder.optional().helpText("Be honest").condition(DETRACTOR).build();

            assertThat(question.required()).isFalse();
            assertThat(question.helpText()).isEqualTo(LocalizedText.of("Be honest"));
            assertThat(question.condition()).isEqualTo(DETRACTOR);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.feedbackloop.survey.QuestionBuilderTest#builders")
        void helpText_blank_isRejectedNamingTheArgument(String type, Question.Builder<?, ?> builder) {
            assertThatThrownBy(() -> builder.helpText(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("helpText: ' ' is blank; expected text to show");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.feedbackloop.survey.QuestionBuilderTest#builders")
        void nullArguments_areRejectedNamingTheArgument(String type, Question.Builder<?, ?> builder) {
            assertThatThrownBy(() -> builder.condition(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("condition");
            assertThatThrownBy(() -> builder.helpText((LocalizedText) null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("helpText");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "has space", "-leading", "ä"})
        void invalidId_isRejectedByEveryFactory(String id) {
            List<Function<String, ?>> factories = List.of(NpsQuestion::builder,
                    i -> RatingQuestion.builder(i, "Rate"), i -> ChoiceQuestion.builder(i, "Pick"),
                    i -> TextQuestion.builder(i, "Why?"), i -> YesNoQuestion.builder(i, "Resolved?"));
            for (Function<String, ?> factory : factories) {
                assertThatThrownBy(() -> factory.apply(id)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("id: '" + id + "' does not match ");
            }
        }

        @Test
        void blankPrompt_isRejectedNamingTheArgument() {
            assertThatThrownBy(() -> TextQuestion.builder("q", "  ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("prompt: '  ' is blank; expected text to show");
            assertThatThrownBy(() -> YesNoQuestion.of("q", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("prompt: '' is blank; expected text to show");
            assertThatThrownBy(() -> NpsQuestion.builder("q").prompt("\t"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("prompt: '\t' is blank; expected text to show");
        }

        @Test
        void translatedPrompt_isKept() {
            LocalizedText prompt = LocalizedText.of("Why?").with("de", "Warum?");

            assertThat(TextQuestion.builder("q", prompt).build().prompt()).isEqualTo(prompt);
            assertThat(YesNoQuestion.builder("q", prompt).build().prompt()).isEqualTo(prompt);
            assertThat(ChoiceQuestion.builder("q", prompt).options(OPTIONS).build().prompt()).isEqualTo(prompt);
            assertThat(RatingQuestion.builder("q", prompt).csat(Scale.of(1, 5)).build().prompt()).isEqualTo(prompt);
            assertThat(NpsQuestion.builder("q").prompt(prompt).build().prompt()).isEqualTo(prompt);
        }
    }

    @Nested
    final class Nps {

        @Test
        void standard_isRequiredWithTheStandardWording() {
            assertThat(NpsQuestion.standard("nps")).isEqualTo(new NpsQuestion("nps",
                    LocalizedText.of(NpsQuestion.STANDARD_PROMPT), true, null, null));
        }

        @Test
        void prompt_replacesTheStandardWording() {
            assertThat(NpsQuestion.builder("nps").prompt("Would you recommend Acme?").build().prompt())
                    .isEqualTo(LocalizedText.of("Would you recommend Acme?"));
        }
    }

    @Nested
    final class Rating {

        @Test
        void csat_isRequiredHigherIsBetterFromOne() {
            assertThat(RatingQuestion.csat("csat", "How satisfied are you?", 5)).isEqualTo(new RatingQuestion("csat",
                    LocalizedText.of("How satisfied are you?"), true, null, null, RatingKind.CSAT, Scale.of(1, 5),
                    Polarity.HIGHER_IS_BETTER));
        }

        @Test
        void cesAgreement_isHigherIsBetter() {
            RatingQuestion question = RatingQuestion.cesAgreement("ces", "The company made it easy.", 7);

            assertThat(question.kind()).isEqualTo(RatingKind.CES);
            assertThat(question.scale()).isEqualTo(Scale.of(1, 7));
            assertThat(question.polarity()).isEqualTo(Polarity.HIGHER_IS_BETTER);
            assertThat(question.required()).isTrue();
        }

        @Test
        void cesEffort_isLowerIsBetter() {
            RatingQuestion question = RatingQuestion.cesEffort("effort", "How much effort did it take?", 5);

            assertThat(question.kind()).isEqualTo(RatingKind.CES);
            assertThat(question.scale()).isEqualTo(Scale.of(1, 5));
            assertThat(question.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
            assertThat(question.required()).isTrue();
        }

        @Test
        void generic_keepsScaleAndPolarity() {
            Scale scale = new Scale(0, 10, Map.of(0, LocalizedText.of("Poor"), 10, LocalizedText.of("Great")));

            RatingQuestion question = RatingQuestion.builder("value", "Value for money")
                    .generic(scale, Polarity.LOWER_IS_BETTER).optional().build();

            assertThat(question.kind()).isEqualTo(RatingKind.GENERIC);
            assertThat(question.scale()).isEqualTo(scale);
            assertThat(question.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
            assertThat(question.required()).isFalse();
        }

        @Test
        void lastMeasureSet_wins() {
            RatingQuestion question = RatingQuestion.builder("q", "Rate").cesAgreement(Scale.of(1, 7))
                    .cesEffort(Scale.of(1, 5)).build();

            assertThat(question.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
            assertThat(question.scale()).isEqualTo(Scale.of(1, 5));
        }

        @Test
        void build_withoutMeasure_isRejectedNamingTheChoices() {
            assertThatThrownBy(() -> RatingQuestion.builder("q", "Rate").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("rating question 'q': what it measures is not set; expected csat, cesAgreement,"
                            + " cesEffort or generic");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 12})
        void factories_pointsOutOfRange_areRejectedNamingTheValue(int points) {
            assertThatThrownBy(() -> RatingQuestion.csat("q", "Happy?", points))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scale.max: " + points + " is outside 2..11");
            assertThatThrownBy(() -> RatingQuestion.cesEffort("q", "Effort?", points))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(points + " is outside");
        }

        @Test
        void generic_nullPolarity_isRejected() {
            assertThatThrownBy(() -> RatingQuestion.builder("q", "Rate").generic(Scale.of(1, 5), null))
                    .isInstanceOf(NullPointerException.class).hasMessage("polarity");
        }
    }

    @Nested
    final class Choice {

        @Test
        void single_isRequiredWithOneSelection() {
            assertThat(ChoiceQuestion.single("q", "Pick", OPTIONS)).isEqualTo(new ChoiceQuestion("q",
                    LocalizedText.of("Pick"), true, null, null, false, OPTIONS, false, 1, 1));
        }

        @Test
        void multiple_isRequiredWithOneToEveryOption() {
            assertThat(ChoiceQuestion.multiple("q", "Pick", OPTIONS)).isEqualTo(new ChoiceQuestion("q",
                    LocalizedText.of("Pick"), true, null, null, true, OPTIONS, false, 1, 2));
        }

        @Test
        void builder_conditionalMultipleWithOther_readsAsWritten() {
            ChoiceQuestion question = ChoiceQuestion.builder("reason", "What went wrong?")
                    .options(OPTIONS).multiple(1, 2).allowOther().condition(DETRACTOR).build();

            assertThat(question).isEqualTo(new ChoiceQuestion("reason", LocalizedText.of("What went wrong?"), true,
                    null, DETRACTOR, true, OPTIONS, true, 1, 2));
        }

        @Test
        void multiple_withOther_countsOtherAsAChoice() {
            ChoiceQuestion question = ChoiceQuestion.builder("q", "Pick").option("a", "A").option("b", "B")
                    .allowOther().multiple().build();

            assertThat(question.maxSelections()).isEqualTo(3);
            assertThat(question.options()).extracting(ChoiceOption::id).containsExactly("a", "b");
        }

        @Test
        void option_repeatedId_isRejectedAtOnce() {
            ChoiceQuestion.Builder builder = ChoiceQuestion.builder("q", "Pick").option("a", "A");

            assertThatThrownBy(() -> builder.option("a", "Again")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("option: 'a' is already an option of choice question 'q'");
        }

        @Test
        void option_blankLabelOrBadId_isRejectedNamingIt() {
            assertThatThrownBy(() -> ChoiceQuestion.builder("q", "Pick").option("a", " "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("label: ' ' is blank; expected text to show");
            assertThatThrownBy(() -> ChoiceQuestion.builder("q", "Pick").option("a b", "A"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("id: 'a b' does not match");
        }

        @Test
        void multiple_minBelowOneOrMaxBelowMin_isRejectedNamingTheValue() {
            assertThatThrownBy(() -> ChoiceQuestion.builder("q", "Pick").multiple(0, 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("min: 0 is below 1");
            assertThatThrownBy(() -> ChoiceQuestion.builder("q", "Pick").multiple(2, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("max: 1 is below min 2");
        }

        @Test
        void build_maxAboveTheChoices_isRejected() {
            assertThatThrownBy(() -> ChoiceQuestion.builder("q", "Pick").options(OPTIONS).multiple(1, 3).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("choice question 'q': max 3 is more than the 2 choices");
        }

        @Test
        void build_withoutOptions_isRejected() {
            assertThatThrownBy(() -> ChoiceQuestion.builder("q", "Pick").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("choice question 'q': no options; expected at least one, added with option(...) or"
                            + " options(...)");
        }
    }

    @Nested
    final class Text {

        @Test
        void of_isRequired_andOptionalIsNot() {
            assertThat(TextQuestion.of("q", "Why?")).isEqualTo(new TextQuestion("q", LocalizedText.of("Why?"), true,
                    null, null, TextQuestion.DEFAULT_MAX_LENGTH));
            assertThat(TextQuestion.optional("q", "Why?").required()).isFalse();
        }

        @Test
        void maxLength_isKept() {
            assertThat(TextQuestion.builder("q", "Why?").maxLength(TextQuestion.LIMIT).build().maxLength())
                    .isEqualTo(TextQuestion.LIMIT);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, TextQuestion.LIMIT + 1})
        void maxLength_outOfRange_isRejectedAtOnceNamingTheValue(int maxLength) {
            assertThatThrownBy(() -> TextQuestion.builder("q", "Why?").maxLength(maxLength))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxLength: " + maxLength + " is outside 1.." + TextQuestion.LIMIT);
        }
    }

    @Nested
    final class YesNo {

        @Test
        void of_isRequired() {
            assertThat(YesNoQuestion.of("resolved", "Was your issue resolved?")).isEqualTo(new YesNoQuestion(
                    "resolved", LocalizedText.of("Was your issue resolved?"), true, null, null));
        }

        @Test
        void builder_optionalWithCondition_isKept() {
            YesNoQuestion question = YesNoQuestion.builder("resolved", "Resolved?").optional().condition(DETRACTOR)
                    .build();

            assertThat(question.required()).isFalse();
            assertThat(question.condition()).isEqualTo(DETRACTOR);
        }
    }

    @Test
    void builtQuestions_passTheDefinitionRules() {
        List<Question> questions = Arrays.asList(NpsQuestion.standard("nps"),
                ChoiceQuestion.builder("reason", "What went wrong?").options(OPTIONS).multiple().allowOther()
                        .condition(DETRACTOR).build(),
                RatingQuestion.cesEffort("effort", "How much effort?", 7),
                TextQuestion.builder("why", "Tell us more").optional().condition(Condition.answered("reason"))
                        .build(),
                YesNoQuestion.of("resolved", "Resolved?"));

        assertThat(Survey.check(questions).isValid()).isTrue();
    }
}
