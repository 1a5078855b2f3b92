package dev.feedbackloop.survey;

import java.util.Objects;
import dev.feedbackloop.survey.condition.Condition;
import dev.feedbackloop.survey.validation.ViolationCode;
import dev.feedbackloop.survey.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a survey definition must follow beyond what each question checks alone.
 *
 * <p>Design note: whether a required question's condition can ever be true is decided by brute force over a
 * small abstract domain per referenced question (unanswered, each scale point, yes/no, each option or literal the
 * condition mentions plus one it does not). The domain over-approximates what responses can be, so a question is
 * only reported when its condition is false for every combination; trees that would need more than
 * {@value #MAX_COMBINATIONS} combinations are not judged.
 */
final class DefinitionChecks {

    static final int MAX_COMBINATIONS = 4096;
    private static final String OTHER_TEXT = "\u0000other";

    private DefinitionChecks() {
    }

    static List<Violation> check(List<Question> questions) {
        var violations = new ArrayList<Violation>();
        var positions = new HashMap<String, Integer>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String path = "questions[" + i + "]";
            Integer previous = positions.putIfAbsent(question.id(), i);
            if (previous != null) {
                violations.add(Violation.of(path + ".id", ViolationCode.DUPLICATE_QUESTION_ID,
                        "'" + question.id() + "' is already the id of questions[" + previous + "]"));
            }
            checkQuestion(question, path, violations);
        }
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            Condition condition = question.condition();
            if (condition == null) {
                continue;
            }
            String path = "questions[" + i + "].condition";
            int before = violations.size();
            checkCondition(condition, i, path, questions, positions, violations);
            if (violations.size() == before && question.required() && neverTrue(condition, questions, positions)) {
                violations.add(Violation.of(path, ViolationCode.CONDITION_NEVER_TRUE,
                        "the condition of required question '" + question.id()
                                + "' can never be true, so it would never be shown"));
            }
        }
        return violations;
    }

    private static void checkQuestion(Question question, String path, List<Violation> violations) {
        if (question instanceof ChoiceQuestion choice) {
            var optionIds = new HashMap<String, Integer>();
            for (int j = 0; j < choice.options().size(); j++) {
                Integer previous = optionIds.putIfAbsent(choice.options().get(j).id(), j);
                if (previous != null) {
                    violations.add(Violation.of(path + ".options[" + j + "].id", ViolationCode.DUPLICATE_OPTION_ID,
                            "'" + choice.options().get(j).id() + "' is already the id of options[" + previous
                                    + "]"));
                }
            }
        } else if (question instanceof RatingQuestion rating) {
            int fewest = switch (rating.kind()) {
                case CSAT -> 3;
                case CES -> 4;
                case GENERIC -> 2;
            };
            if (rating.scale().points() < fewest) {
                violations.add(Violation.of(path + ".scale", ViolationCode.INVALID_SCALE,
                        rating.scale().min() + ".." + rating.scale().max() + " has " + rating.scale().points()
                                + " points; a " + rating.kind() + " scale needs at least " + fewest
                                + " so that its top box is not the whole scale"));
            }
        } else if (!(question instanceof NpsQuestion || question instanceof TextQuestion
                || question instanceof YesNoQuestion)) {
            throw new AssertionError("unhandled question type " + question.getClass());
        }
    }

    private static void checkCondition(Condition condition, int owner, String path, List<Question> questions,
                                       Map<String, Integer> positions, List<Violation> violations) {
        if (condition instanceof Condition.All all) {
            for (int k = 0; k < all.conditions().size(); k++) {
                checkCondition(all.conditions().get(k), owner, path + ".conditions[" + k + "]", questions, positions,
                        violations);
            }
            return;
        } else if (condition instanceof Condition.Any any) {
            for (int k = 0; k < any.conditions().size(); k++) {
                checkCondition(any.conditions().get(k), owner, path + ".conditions[" + k + "]", questions, positions,
                        violations);
            }
            return;
        } else if (condition instanceof Condition.Not not) {
            checkCondition(not.condition(), owner, path + ".condition", questions, positions, violations);
            return;
        }
        String target = referencedQuestion(condition);
        Integer position = positions.get(target);
        if (position == null) {
            violations.add(Violation.of(path + ".question", ViolationCode.CONDITION_UNKNOWN_QUESTION,
                    "'" + target + "' is not a question of this survey"));
            return;
        }
        if (position >= owner) {
            violations.add(Violation.of(path + ".question", ViolationCode.CONDITION_FORWARD_REFERENCE,
                    "'" + target + "' is " + (position == owner ? "this question" : "a later question (questions["
                            + position + "])") + "; a condition may only refer to an earlier question"));
            return;
        }
        Question question = questions.get(position);
        if (condition instanceof Condition.AtLeast || condition instanceof Condition.AtMost) {
            int value = condition instanceof Condition.AtLeast atLeast ? atLeast.value()
                    : ((Condition.AtMost) condition).value();
            Scale scale = scaleOf(question);
            if (scale == null) {
                violations.add(Violation.of(path, ViolationCode.CONDITION_INCOMPATIBLE_TYPE,
                        "'" + target + "' is a " + question.type()
                                + " question; atLeast/atMost need an NPS or rating question"));
            } else if (!scale.contains(value)) {
                violations.add(Violation.of(path + ".value", ViolationCode.CONDITION_UNKNOWN_VALUE,
                        value + " is outside " + scale.min() + ".." + scale.max() + " of '" + target + "'"));
            }
        } else if (condition instanceof Condition.Equals || condition instanceof Condition.In) {
            boolean single = condition instanceof Condition.Equals;
            List<String> values = single ? List.of(((Condition.Equals) condition).value())
                    : ((Condition.In) condition).values().stream().sorted().toList();
            for (String value : values) {
                String problem = valueProblem(question, value);
                if (problem != null) {
                    violations.add(Violation.of(path + (single ? ".value" : ".values"),
                            ViolationCode.CONDITION_UNKNOWN_VALUE, "'" + value + "' " + problem + " of '" + target
                                    + "'"));
                }
            }
        } else if (!(condition instanceof Condition.Answered || condition instanceof Condition.NotAnswered)) {
            throw new AssertionError("unhandled condition type " + condition.getClass());
        }
    }

    private static @org.jspecify.annotations.Nullable String valueProblem(Question question, String value) {
        Scale scale = scaleOf(question);
        if (scale != null) {
            try {
                int rating = Integer.parseInt(value);
                return scale.contains(rating) && Integer.toString(rating).equals(value) ? null
                        : "is outside the scale " + scale.min() + ".." + scale.max();
            } catch (NumberFormatException e) {
                return "is not a rating on the scale " + scale.min() + ".." + scale.max();
            }
        } else if (question instanceof YesNoQuestion) {
            return value.equals("yes") || value.equals("no") ? null : "is not 'yes' or 'no', the answers";
        } else if (question instanceof ChoiceQuestion choice) {
            for (ChoiceOption option : choice.options()) {
                if (option.id().equals(value)) {
                    return null;
                }
            }
            return "is not an option id";
        } else if (question instanceof TextQuestion) {
            return null;
        }
        throw new AssertionError("unhandled question type " + question.getClass());
    }

    static String referencedQuestion(Condition condition) {
        if (condition instanceof Condition.Answered answered) {
            return answered.questionId();
        } else if (condition instanceof Condition.NotAnswered notAnswered) {
            return notAnswered.questionId();
        } else if (condition instanceof Condition.AtLeast atLeast) {
            return atLeast.questionId();
        } else if (condition instanceof Condition.AtMost atMost) {
            return atMost.questionId();
        } else if (condition instanceof Condition.Equals equals) {
            return equals.questionId();
        } else if (condition instanceof Condition.In in) {
            return in.questionId();
        }
        throw new AssertionError("not a comparison: " + condition.getClass());
    }

    static @org.jspecify.annotations.Nullable Scale scaleOf(Question question) {
        if (question instanceof NpsQuestion) {
            return Scale.of(NpsQuestion.MIN, NpsQuestion.MAX);
        } else if (question instanceof RatingQuestion rating) {
            return rating.scale();
        }
        return null;
    }

    private static boolean neverTrue(Condition condition, List<Question> questions, Map<String, Integer> positions) {
        var literals = new LinkedHashMap<String, Set<String>>();
        collect(condition, literals);
        var ids = new ArrayList<>(literals.keySet());
        var domains = new ArrayList<List<Answer>>();
        long combinations = 1;
        for (String id : ids) {
            int position = Objects.requireNonNull(positions.get(id), id);
            List<Answer> domain = domain(questions.get(position), Objects.requireNonNull(literals.get(id), id));
            domains.add(domain);
            combinations *= domain.size() + 1;
            if (combinations > MAX_COMBINATIONS) {
                return false;
            }
        }
        var answers = new HashMap<String, Answer>();
        int[] index = new int[ids.size()];
        while (true) {
            answers.clear();
            for (int k = 0; k < ids.size(); k++) {
                if (index[k] > 0) {
                    answers.put(ids.get(k), domains.get(k).get(index[k] - 1));
                }
            }
            if (Conditions.holds(condition, answers)) {
                return false;
            }
            int k = 0;
            while (k < ids.size() && ++index[k] > domains.get(k).size()) {
                index[k] = 0;
                k++;
            }
            if (k == ids.size()) {
                return true;
            }
        }
    }

    private static void collect(Condition condition, Map<String, Set<String>> literals) {
        if (condition instanceof Condition.All all) {
            all.conditions().forEach(part -> collect(part, literals));
        } else if (condition instanceof Condition.Any any) {
            any.conditions().forEach(part -> collect(part, literals));
        } else if (condition instanceof Condition.Not not) {
            collect(not.condition(), literals);
        } else {
            Set<String> values = literals.computeIfAbsent(referencedQuestion(condition), id -> new LinkedHashSet<>());
            if (condition instanceof Condition.Equals equals) {
                values.add(equals.value());
            } else if (condition instanceof Condition.In in) {
                values.addAll(in.values().stream().sorted().toList());
            }
        }
    }

    /** The answers worth trying for a question, unanswered excluded. */
    private static List<Answer> domain(Question question, Set<String> literals) {
        var domain = new ArrayList<Answer>();
        Scale scale = scaleOf(question);
        if (scale != null) {
            for (int value = scale.min(); value <= scale.max(); value++) {
                domain.add(Answer.rating(value));
            }
        } else if (question instanceof YesNoQuestion) {
            domain.add(Answer.yesNo(true));
            domain.add(Answer.yesNo(false));
        } else if (question instanceof TextQuestion) {
            literals.forEach(literal -> domain.add(Answer.text(literal)));
            domain.add(Answer.text(OTHER_TEXT));
        } else if (question instanceof ChoiceQuestion choice) {
            var candidates = new ArrayList<String>();
            var mentioned = new HashSet<>(literals);
            String unmentioned = null;
            for (ChoiceOption option : choice.options()) {
                if (mentioned.contains(option.id())) {
                    candidates.add(option.id());
                } else if (unmentioned == null) {
                    unmentioned = option.id();
                }
            }
            if (unmentioned != null) {
                candidates.add(unmentioned);
            }
            if (!choice.multiple() || candidates.size() > 10) {
                candidates.forEach(id -> domain.add(Answer.choice(id)));
                if (choice.multiple()) {
                    domain.add(new Answer.Choice(candidates, null));
                }
            } else {
                for (int mask = 1; mask < 1 << candidates.size(); mask++) {
                    var selected = new ArrayList<String>();
                    for (int bit = 0; bit < candidates.size(); bit++) {
                        if ((mask & 1 << bit) != 0) {
                            selected.add(candidates.get(bit));
                        }
                    }
                    domain.add(new Answer.Choice(selected, null));
                }
            }
        } else {
            throw new AssertionError("unhandled question type " + question.getClass());
        }
        return domain;
    }
}
