package dev.feedbackloop.survey.json;

import dev.feedbackloop.survey.validation.Violation;
import java.util.List;

/** A failure while mapping a parsed tree to the model, at a path; located and rethrown by {@link SurveyJson}. */
final class MappingFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The path of the failure. */
    final String path;
    /** What is wrong there. */
    final String problem;
    /** Definition violations, if those were the failure. */
    @SuppressWarnings("serial")
    final List<Violation> violations;

    MappingFailure(String path, String problem) {
        this(path, problem, List.of());
    }

    MappingFailure(String path, String problem, List<Violation> violations) {
        super(problem, null, false, false);
        this.path = path;
        this.problem = problem;
        this.violations = List.copyOf(violations);
    }
}
