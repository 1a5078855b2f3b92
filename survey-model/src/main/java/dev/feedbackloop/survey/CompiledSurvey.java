package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What validating responses to one {@link Survey} instance needs, computed once: questions by id, each question's
 * kind, scale and option ids, and the paths of its violations. Immutable.
 *
 * <p>Design note: compiled forms are cached by survey id and the identity of the {@link Survey} instance (a
 * survey's {@code equals} compares the whole definition, which would cost as much as compiling it); hosts keep
 * their survey instances (as {@code FeedbackLoop} does), so each is compiled once. A new instance of the same id
 * and version replaces the old one; a few versions of an id are kept side by side (responses to the previous
 * version keep arriving after a new one is published). The cache is bounded: past {@value #MAX_CACHED_IDS} survey
 * ids it starts again, which only costs recompiling.
 */
final class CompiledSurvey {

    static final int MAX_CACHED_IDS = 1_024;
    static final int MAX_VERSIONS = 4;

    private static final ConcurrentHashMap<String, CompiledSurvey[]> CACHE = new ConcurrentHashMap<>();

    /** How an answer to a question is checked. */
    enum Kind {
        NPS, RATING, CHOICE, TEXT, YES_NO
    }

    /**
     * One question, ready for checking answers.
     *
     * @param question the question
     * @param id its id
     * @param condition its display condition, or {@code null} if it is always shown
     * @param path the path of its violations, {@code answers.<id>}
     * @param kind how its answers are checked
     * @param min the lowest point of its scale (NPS and rating questions)
     * @param max the highest point of its scale (NPS and rating questions)
     * @param optionIds its option ids (choice questions), else empty
     */
    record Item(Question question, String id, @Nullable Condition condition, String path, Kind kind, int min, int max,
                Set<String> optionIds) {
    }

    final Survey survey;
    final Item[] items;
    final boolean hasConditions;
    private final Map<String, Integer> indexById;
    /** The end of an unknown-question message: {@code "' is not a question of survey <id> v<version>"}. */
    final String notAQuestion;

    private CompiledSurvey(Survey survey) {
        this.survey = survey;
        List<Question> questions = survey.questions();
        this.items = new Item[questions.size()];
        var index = new HashMap<String, Integer>();
        boolean conditions = false;
        for (int i = 0; i < items.length; i++) {
            Question question = questions.get(i);
            items[i] = item(question);
            index.put(question.id(), i);
            conditions |= question.condition() != null;
        }
        this.indexById = index;
        this.hasConditions = conditions;
        this.notAQuestion = "' is not a question of survey " + survey.id() + " v" + survey.version();
    }

    private static Item item(Question question) {
        if (question instanceof NpsQuestion) {
            return item(question, Kind.NPS, NpsQuestion.MIN, NpsQuestion.MAX, Set.of());
        } else if (question instanceof RatingQuestion rating) {
            return item(question, Kind.RATING, rating.scale().min(), rating.scale().max(), Set.of());
        } else if (question instanceof ChoiceQuestion choice) {
            var optionIds = new ArrayList<String>(choice.options().size());
            for (ChoiceOption option : choice.options()) {
                optionIds.add(option.id());
            }
            return item(question, Kind.CHOICE, 0, 0, Set.copyOf(optionIds));
        } else if (question instanceof TextQuestion) {
            return item(question, Kind.TEXT, 0, 0, Set.of());
        } else if (question instanceof YesNoQuestion) {
            return item(question, Kind.YES_NO, 0, 0, Set.of());
        }
        throw new AssertionError("unhandled question type " + question.getClass());
    }

    private static Item item(Question question, Kind kind, int min, int max, Set<String> optionIds) {
        return new Item(question, question.id(), question.condition(), "answers." + question.id(), kind, min, max,
                optionIds);
    }

    /**
     * Returns the compiled form of a survey instance, compiling it on first use.
     *
     * @param survey the survey
     * @return its compiled form
     */
    static CompiledSurvey of(Survey survey) {
        CompiledSurvey[] versions = CACHE.get(survey.id());
        if (versions != null) {
            for (CompiledSurvey compiled : versions) {
                if (compiled.survey == survey) {
                    return compiled;
                }
            }
        }
        var compiled = new CompiledSurvey(survey);
        if (CACHE.size() >= MAX_CACHED_IDS) {
            CACHE.clear();
        }
        CACHE.compute(survey.id(), (id, old) -> {
            var kept = new ArrayList<CompiledSurvey>(MAX_VERSIONS);
            kept.add(compiled);
            if (old != null) {
                for (CompiledSurvey other : old) {
                    if (kept.size() < MAX_VERSIONS && other.survey.version() != survey.version()) {
                        kept.add(other);
                    }
                }
            }
            return kept.toArray(new CompiledSurvey[0]);
        });
        return compiled;
    }

    /** Returns the number of survey ids cached; for tests. */
    static int cachedIds() {
        return CACHE.size();
    }

    /**
     * Returns the position of a question.
     *
     * @param questionId a question id
     * @return its index in the survey, or -1 if the survey has no such question
     */
    int indexOf(String questionId) {
        Integer index = indexById.get(questionId);
        return index == null ? -1 : index;
    }

    /**
     * The answers to the questions found visible so far, as display conditions read them: a view over the
     * response's answers and a flag per question, so no map is built per response.
     */
    static final class VisibleAnswers extends AbstractMap<String, Answer> {

        private final CompiledSurvey survey;
        private final Map<String, Answer> answers;
        private final boolean[] visible;

        VisibleAnswers(CompiledSurvey survey, Map<String, Answer> answers) {
            this.survey = survey;
            this.answers = answers;
            this.visible = new boolean[survey.items.length];
        }

        /** Marks the answer to a question as visible to the conditions of later questions. */
        void show(int index) {
            visible[index] = true;
        }

        /** Returns whether a question's condition, if any, holds for the answers visible so far. */
        boolean shows(Item item) {
            // as Question.isShown, from the compiled item
            Condition condition = item.condition();
            return condition == null || Conditions.holds(condition, this);
        }

        @Override
        public @Nullable Answer get(@Nullable Object key) {
            if (!(key instanceof String questionId)) {
                return null;
            }
            int index = survey.indexOf(questionId);
            return index >= 0 && visible[index] ? answers.get(questionId) : null;
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, Answer>> entrySet() {
            var entries = new LinkedHashMap<String, Answer>();
            for (int i = 0; i < visible.length; i++) {
                if (visible[i]) {
                    String questionId = survey.items[i].id();
                    Answer answer = answers.get(questionId);
                    if (answer != null) {
                        entries.put(questionId, answer);
                    }
                }
            }
            return Collections.unmodifiableMap(entries).entrySet();
        }
    }
}
