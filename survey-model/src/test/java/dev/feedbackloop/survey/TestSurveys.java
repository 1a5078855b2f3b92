package dev.feedbackloop.survey;

import static dev.feedbackloop.survey.condition.Condition.any;
import static dev.feedbackloop.survey.condition.Condition.atMost;
import static dev.feedbackloop.survey.condition.Condition.equalTo;

import java.time.Instant;
import java.util.List;
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
                .question(new ChoiceQuestion("reason", LocalizedText.of("What disappointed you?"), true, null,
                        atMost("nps", 6), true, List.of(ChoiceOption.of("price", "Price"),
                        ChoiceOption.of("support", "Support"), ChoiceOption.of("bugs", "Bugs"),
                        ChoiceOption.of("features", "Missing features")), true, 1, 2))
                .question(new RatingQuestion("csat", LocalizedText.of("How satisfied are you with the support?"),
                        true, LocalizedText.of("1 = very dissatisfied"), null, RatingKind.CSAT,
                        new Scale(1, 5, Map.of(1, LocalizedText.of("Very dissatisfied"),
                                5, LocalizedText.of("Very satisfied"))), Polarity.HIGHER_IS_BETTER))
                .question(new RatingQuestion("ces", LocalizedText.of("The company made it easy to handle my issue."),
                        false, null, null, RatingKind.CES, Scale.of(1, 7), Polarity.HIGHER_IS_BETTER))
                .question(new YesNoQuestion("resolved", LocalizedText.of("Was your issue resolved?"), false, null,
                        null))
                .question(new TextQuestion("comment", LocalizedText.of("What could we have done better?"), false,
                        null, any(equalTo("resolved", "no"), atMost("csat", 2)), 200))
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
                .answer("reason", new Answer.Choice(List.of("bugs"), "Slow app"))
                .answer("csat", Answer.rating(2))
                .answer("resolved", Answer.yesNo(false))
                .answer("comment", Answer.text("Faster replies, please."));
    }
}
