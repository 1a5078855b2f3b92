package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rating on an integer scale: CSAT, CES or a generic rating. Immutable.
 *
 * @param id the question id
 * @param prompt the prompt
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 * @param kind what the rating measures
 * @param scale the answer scale
 * @param polarity which end of the scale is good; explicit, since CES is asked both ways
 */
public record RatingQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                             @Nullable Condition condition, RatingKind kind, Scale scale, Polarity polarity)
        implements Question {

    public RatingQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(polarity, "polarity");
    }

    /**
     * Returns a required CSAT question on 1..{@code points}, higher is better.
     *
     * @param id the question id
     * @param prompt the prompt
     * @param points the number of points, 2..11
     * @return the question
     */
    public static RatingQuestion csat(String id, String prompt, int points) {
        return new RatingQuestion(id, LocalizedText.of(prompt), true, null, null, RatingKind.CSAT,
                Scale.of(1, points), Polarity.HIGHER_IS_BETTER);
    }

    /**
     * Returns a required CES question on 1..{@code points} ("made it easy", higher is better).
     *
     * @param id the question id
     * @param prompt the prompt
     * @param points the number of points, 2..11
     * @return the question
     */
    public static RatingQuestion ces(String id, String prompt, int points) {
        return new RatingQuestion(id, LocalizedText.of(prompt), true, null, null, RatingKind.CES,
                Scale.of(1, points), Polarity.HIGHER_IS_BETTER);
    }

    @Override
    public String type() {
        return "rating";
    }
}
