package dev.feedbackloop.survey;

import dev.feedbackloop.FeedbackLoopException;
import java.util.Objects;

/**
 * Thrown when a survey version is registered or stored under an id and version that already hold a different
 * definition. A survey version, once known, never changes: a changed survey is a new version
 * ({@link dev.feedbackloop.survey.version.Compatibility} says how the two differ). Registering the same definition
 * again is not a conflict.
 *
 * <p>Thrown by the feedback loop's {@code register} and by stores that keep surveys; nothing was stored. Immutable, so
 * safe to share.
 */
public final class SurveyConflictException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    private final String surveyId;
    private final int surveyVersion;

    /**
     * Creates the exception.
     *
     * @param surveyId the survey id
     * @param surveyVersion the version that holds another definition
     */
    public SurveyConflictException(String surveyId, int surveyVersion) {
        super("survey " + Objects.requireNonNull(surveyId, "surveyId") + " v" + surveyVersion
                + ": a different definition is already registered under this id and version; expected the same"
                + " definition, or a new version for a changed survey");
        this.surveyId = surveyId;
        this.surveyVersion = surveyVersion;
    }

    /**
     * Returns the id of the survey.
     *
     * @return the survey id
     */
    public String surveyId() {
        return surveyId;
    }

    /**
     * Returns the version that already holds another definition.
     *
     * @return the version, from 1
     */
    public int surveyVersion() {
        return surveyVersion;
    }
}
