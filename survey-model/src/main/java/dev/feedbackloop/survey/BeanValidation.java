package dev.feedbackloop.survey;

import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation of the constraint annotations on the model records, mapped to {@link Violation}s.
 *
 * <p>Hibernate Validator is bootstrapped once, lazily, on first use (holder idiom), with the
 * {@link ParameterMessageInterpolator} so that no expression language implementation is needed.
 */
final class BeanValidation {

    private BeanValidation() {
    }

    private static final class Holder {
        static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        static final Validator VALIDATOR = FACTORY.getValidator();
    }

    /** Returns the shared validator, bootstrapping it on first use. */
    static Validator validator() {
        return Holder.VALIDATOR;
    }

    /** Validates an object's constraints, adding one violation per failed constraint, sorted by path. */
    static void validate(Object value, String prefix, List<Violation> violations) {
        var found = new ArrayList<Violation>();
        for (ConstraintViolation<Object> violation : validator().validate(value)) {
            String path = path(prefix, violation.getPropertyPath());
            found.add(Violation.of(path, ViolationCode.CONSTRAINT, violation.getMessage()
                    + " (" + violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                    + ")"));
        }
        found.sort(Comparator.comparing(Violation::path).thenComparing(Violation::message));
        violations.addAll(found);
    }

    /** Turns a Bean Validation path into ours: {@code respondent.attributes[plan]}, {@code ...[plan].name}. */
    static String path(String prefix, Path path) {
        var text = new StringBuilder(prefix);
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getKey() != null) {
                    text.append('[').append(node.getKey()).append(']');
                } else if (node.getIndex() != null) {
                    text.append('[').append(node.getIndex()).append(']');
                }
                if ("<map key>".equals(node.getName())) {
                    text.append(".name");
                }
            } else if (node.getName() != null) {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(node.getName());
            }
        }
        return text.toString();
    }
}
