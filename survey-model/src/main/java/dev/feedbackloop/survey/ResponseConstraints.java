package dev.feedbackloop.survey;

import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Bean Validation constraints on {@link Response} and {@link Respondent} checked in plain code, with the
 * violations Hibernate Validator reports for them (same paths, code, messages and order).
 *
 * <p>Design note: the constraints are a handful of {@code @Size} bounds, and running them through Hibernate
 * Validator (cascading into the respondent, building property paths) cost several times more than reading the
 * response from JSON. The annotations stay on the records as the documentation and for
 * {@link ResponseValidator#withBeanValidation()}; a test checks both ways give the same violations. A constraint
 * added to those records must be added here too.
 */
final class ResponseConstraints {

    /** The order of {@link BeanValidation#validate}. */
    static final Comparator<Violation> ORDER = Comparator.comparing(Violation::path)
            .thenComparing(Violation::message);

    private ResponseConstraints() {
    }

    /** Adds one violation per failed constraint, sorted by path then message, as Bean Validation would. */
    static void check(Response response, List<Violation> violations) {
        @Nullable List<Violation> found = null;
        found = size(found, "id", response.id().length(), 0, Response.MAX_ID_LENGTH);
        found = size(found, "surveyId", response.surveyId().length(), 0, Response.MAX_ID_LENGTH);
        found = size(found, "channel", response.channel().length(), 0, Response.MAX_CHANNEL_LENGTH);
        found = size(found, "answers", response.answers().size(), 0, Response.MAX_ANSWERS);
        found = size(found, "shownOrder", response.shownOrder().size(), 0, Response.MAX_ANSWERS);
        Respondent respondent = response.respondent();
        String customerId = respondent.customerId();
        if (customerId != null) {
            found = size(found, "respondent.customerId", customerId.length(), 0, Respondent.MAX_CUSTOMER_ID_LENGTH);
        }
        Map<String, String> attributes = respondent.attributes();
        found = size(found, "respondent.attributes", attributes.size(), 0, Respondent.MAX_ATTRIBUTES);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            int nameLength = attribute.getKey().length();
            int valueLength = attribute.getValue().length();
            if (nameLength < 1 || nameLength > Respondent.MAX_ATTRIBUTE_NAME_LENGTH) {
                found = size(found, "respondent.attributes[" + attribute.getKey() + "].name", nameLength, 1,
                        Respondent.MAX_ATTRIBUTE_NAME_LENGTH);
            }
            if (valueLength > Respondent.MAX_ATTRIBUTE_VALUE_LENGTH) {
                found = size(found, "respondent.attributes[" + attribute.getKey() + "]", valueLength, 0,
                        Respondent.MAX_ATTRIBUTE_VALUE_LENGTH);
            }
        }
        if (found != null) {
            found.sort(ORDER);
            violations.addAll(found);
        }
    }

    /** A {@code @Size(min, max)} check: the list with a violation added when the size is outside the bounds. */
    private static @Nullable List<Violation> size(@Nullable List<Violation> found, String path, int size, int min,
                                                  int max) {
        if (size >= min && size <= max) {
            return found;
        }
        List<Violation> list = found == null ? new ArrayList<>() : found;
        list.add(Violation.of(path, ViolationCode.CONSTRAINT, "size must be between " + min + " and " + max
                + " (Size)"));
        return list;
    }
}
