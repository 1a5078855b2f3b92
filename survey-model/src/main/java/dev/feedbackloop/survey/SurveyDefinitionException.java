package dev.feedbackloop.survey;

import dev.feedbackloop.survey.validation.ValidationException;
import dev.feedbackloop.survey.validation.Violation;
import java.util.List;

/**
 * Thrown when a survey definition breaks a definition rule; carries every violation found, not only the first.
 * Immutable, so safe to share.
 *
 * <p>Thrown by {@link Survey.Builder#build()} and by the {@link Survey} constructor. Use {@link Survey#check(List)}
 * or {@link Survey.Builder#check()} to get the violations without an exception.
 */
public final class SurveyDefinitionException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /** The survey id, kept for the message and for callers. */
    private final String surveyId;
    /** The survey version. */
    private final int surveyVersion;

    /**
     * Creates an exception for a survey's violations.
     *
     * @param surveyId the survey id
     * @param surveyVersion the survey version
     * @param violations the violations; copied; not empty
     * @throws IllegalArgumentException if there are no violations
     */
    public SurveyDefinitionException(String surveyId, int surveyVersion, List<Violation> violations) {
        super("survey " + surveyId + " v" + surveyVersion + " is invalid", violations);
        this.surveyId = surveyId;
        this.surveyVersion = surveyVersion;
    }

    /**
     * Returns the id of the invalid survey.
     *
     * @return the survey id
     */
    public String surveyId() {
        return surveyId;
    }

    /**
     * Returns the version of the invalid survey.
     *
     * @return the version
     */
    public int surveyVersion() {
        return surveyVersion;
    }
}
