package dev.feedbackloop.survey;

import static dev.feedbackloop.survey.condition.Condition.any;
import static dev.feedbackloop.survey.condition.Condition.atMost;
import static dev.feedbackloop.survey.condition.Condition.equalTo;

import java.time.Instant;
import java.util.Map;

/** Shared test surveys and responses. */
public final class TestSurveys {

    /** A fixed submission time. */
    public static final Instant SUBMITTED = Instant.parse("2024-03-05T10:15:30Z");

    private TestSurveys() {
    }

    /**
     * A support survey with every question type and conditions.
     *
     * @return the survey
     */
    public static Survey support() {
        return Survey.builder("support", 3)
                .title(LocalizedText.of("After your support ticket").with("de", "Nach Ihrem Support-Ticket"))
                .description(LocalizedText.of("Two minutes, promise."))
                .question(NpsQuestion.standard("nps"))
                .question(ChoiceQuestion.builder("reason", "What disappointed you?")
                        .option("price", "Price").option("support", "Support").option("bugs", "Bugs")
                        .option("features", "Missing features")
                        .multiple(1, 2).allowOther().condition(atMost("nps", 6)).build())
                .question(RatingQuestion.builder("csat", "How satisfied are you with the support?")
                        .csat(new Scale(1, 5, Map.of(1, LocalizedText.of("Very dissatisfied"),
                                5, LocalizedText.of("Very satisfied"))))
                        .helpText("1 = very dissatisfied").build())
                .question(RatingQuestion.builder("ces", "The company made it easy to handle my issue.")
                        .cesAgreement(Scale.of(1, 7)).optional().build())
                .question(YesNoQuestion.builder("resolved", "Was your issue resolved?").optional().build())
                .question(TextQuestion.builder("comment", "What could we have done better?").maxLength(200)
                        .optional().condition(any(equalTo("resolved", "no"), atMost("csat", 2))).build())
                .build();
    }

    /**
     * A valid response of a promoter to {@link #support()}.
     *
     * @return the response
     */
    public static Response.Builder promoter() {
        return Response.builder("r-1", support(), SUBMITTED)
                .respondent(Respondent.of("c-42", Map.of("plan", "pro", "region", "EU")))
                .channel("email")
                .answer("nps", Answer.rating(9))
                .answer("csat", Answer.rating(5))
                .answer("ces", Answer.rating(6))
                .answer("resolved", Answer.yesNo(true));
    }

    /**
     * A valid response of a detractor to {@link #support()}, answering the conditional questions.
     *
     * @return the response
     */
    public static Response.Builder detractor() {
        return Response.builder("r-2", support(), SUBMITTED)
                .respondent(Respondent.of("c-7", Map.of("plan", "free")))
                .answer("nps", Answer.rating(3))
                .answer("reason", Answer.choice("bugs").withOther("Slow app"))
                .answer("csat", Answer.rating(2))
                .answer("resolved", Answer.yesNo(false))
                .answer("comment", Answer.text("Faster replies, please."));
    }
}
