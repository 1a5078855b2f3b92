package dev.feedbackloop.examples.webapp;

import dev.feedbackloop.examples.webapp.followup.Verbatims;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Question;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the agents' pages write instants and durations, in the programme's zone; templates call it as
 * {@code ${@fmt.at(instant)}}. Stateless and thread-safe.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(FeedbackProgramme.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(FeedbackProgramme.ZONE);

    /**
     * An instant as a day and time.
     *
     * @param at the instant, or {@code null}
     * @return for example {@code Mon 3 Mar 2025, 14:05}, or {@code never}
     */
    public String at(@Nullable Instant at) {
        return at == null ? "never" : AT.format(at);
    }

    /**
     * An instant as a day.
     *
     * @param at the instant, or {@code null}
     * @return for example {@code 3 Mar 2025}, or {@code never}
     */
    public String day(@Nullable Instant at) {
        return at == null ? "never" : DAY.format(at);
    }

    /**
     * A duration in days, hours or minutes, whichever reads best.
     *
     * @param duration the duration, or {@code null}
     * @return for example {@code 2 d 4 h}, {@code 5 h 10 min} or {@code 12 min}; a dash for {@code null}
     */
    public String duration(@Nullable Duration duration) {
        if (duration == null) {
            return "\u2013";
        }
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }

    /**
     * An answer in words, for one line, with chosen options by their labels.
     *
     * @param question the question answered
     * @param answer the answer, or {@code null} when the question was not answered
     * @return the answer, or a dash
     */
    public String answer(Question question, @Nullable Answer answer) {
        return answer == null ? "\u2013" : Verbatims.answer(question, answer);
    }

    /**
     * An enum constant or code in lower-case words.
     *
     * @param value for example {@code FIRST_CONTACT}
     * @return for example {@code first contact}
     */
    public String words(Object value) {
        return value.toString().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }
}
