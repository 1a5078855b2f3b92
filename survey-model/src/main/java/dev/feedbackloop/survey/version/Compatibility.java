package dev.feedbackloop.survey.version;

import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The differences between two versions of a survey, each classified by {@link Impact}, and whether their results
 * may be pooled. Immutable.
 *
 * <p>{@link #between(Survey, Survey)} compares question by question (matched by id, not position):
 * <ul>
 *   <li>{@link Impact#SAFE}: title, description, default language, prompt, help text, translations, scale labels,
 *       option labels, option order, question order, {@code required}, a text question's {@code maxLength}, an
 *       added question;</li>
 *   <li>{@link Impact#SCORING_RELEVANT}: a removed question; a rating question's kind, scale or polarity; a choice
 *       question's options (added or removed), {@code multiple}, {@code allowOther} or selection bounds; a changed
 *       display condition (which changes who is asked);</li>
 *   <li>{@link Impact#BREAKING}: another survey id; a question id reused for another question type; the same
 *       version number with a different definition.</li>
 * </ul>
 *
 * @param from the older version
 * @param to the newer version
 * @param changes every difference found; copied; survey-level first, then by question
 */
public record Compatibility(Survey from, Survey to, List<Change> changes) {

    public Compatibility {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        changes = List.copyOf(changes);
    }

    /**
     * Compares two versions of a survey.
     *
     * @param from the older version
     * @param to the newer version
     * @return the differences
     */
    public static Compatibility between(Survey from, Survey to) {
        var changes = new ArrayList<Change>();
        if (!from.id().equals(to.id())) {
            changes.add(new Change("", "id", Impact.BREAKING,
                    "'" + from.id() + "' became '" + to.id() + "'; these are different surveys"));
        }
        if (from.version() == to.version() && !from.equals(to)) {
            changes.add(new Change("", "version", Impact.BREAKING,
                    "both are version " + from.version() + " but their definitions differ"));
        }
        safe(changes, "", "title", from.title(), to.title());
        safe(changes, "", "description", from.description(), to.description());
        safe(changes, "", "defaultLanguage", from.defaultLanguage(), to.defaultLanguage());
        Map<String, Integer> newPositions = new LinkedHashMap<>();
        for (int i = 0; i < to.questions().size(); i++) {
            newPositions.put(to.questions().get(i).id(), i);
        }
        for (int i = 0; i < from.questions().size(); i++) {
            Question old = from.questions().get(i);
            Integer position = newPositions.remove(old.id());
            String path = "questions." + old.id();
            if (position == null) {
                changes.add(new Change(old.id(), path, Impact.SCORING_RELEVANT, "the question was removed"));
                continue;
            }
            if (position != i) {
                changes.add(new Change(old.id(), path, Impact.SAFE, "moved from position " + i + " to " + position));
            }
            compare(old, to.questions().get(position), path, changes);
        }
        newPositions.keySet().forEach(id -> changes.add(new Change(id, "questions." + id, Impact.SAFE,
                "the question was added")));
        return new Compatibility(from, to, changes);
    }

    private static void compare(Question old, Question now, String path, List<Change> changes) {
        String id = old.id();
        if (old.getClass() != now.getClass()) {
            changes.add(new Change(id, path, Impact.BREAKING, "the id was reused for another type of question ("
                    + old.getClass().getSimpleName() + " became " + now.getClass().getSimpleName() + ")"));
            return;
        }
        safe(changes, id, path + ".prompt", old.prompt(), now.prompt());
        safe(changes, id, path + ".helpText", old.helpText(), now.helpText());
        safe(changes, id, path + ".required", old.required(), now.required());
        relevant(changes, id, path + ".condition", old.condition(), now.condition());
        if (old instanceof RatingQuestion rating) {
            RatingQuestion newer = (RatingQuestion) now;
            relevant(changes, id, path + ".kind", rating.kind(), newer.kind());
            relevant(changes, id, path + ".scale", rating.scale().min() + ".." + rating.scale().max(),
                    newer.scale().min() + ".." + newer.scale().max());
            safe(changes, id, path + ".scale.labels", rating.scale().labels(), newer.scale().labels());
            relevant(changes, id, path + ".polarity", rating.polarity(), newer.polarity());
        } else if (old instanceof ChoiceQuestion choice) {
            compareChoice(choice, (ChoiceQuestion) now, path, changes);
        } else if (old instanceof TextQuestion text) {
            safe(changes, id, path + ".maxLength", text.maxLength(), ((TextQuestion) now).maxLength());
        }
    }

    private static void compareChoice(ChoiceQuestion old, ChoiceQuestion now, String path, List<Change> changes) {
        String id = old.id();
        relevant(changes, id, path + ".multiple", old.multiple(), now.multiple());
        relevant(changes, id, path + ".allowOther", old.allowOther(), now.allowOther());
        relevant(changes, id, path + ".selections", old.minSelections() + ".." + old.maxSelections(),
                now.minSelections() + ".." + now.maxSelections());
        Map<String, LocalizedText> oldLabels = labels(old);
        Map<String, LocalizedText> newLabels = labels(now);
        List<String> removed = oldLabels.keySet().stream().filter(o -> !newLabels.containsKey(o)).toList();
        List<String> added = newLabels.keySet().stream().filter(o -> !oldLabels.containsKey(o)).toList();
        if (!removed.isEmpty()) {
            changes.add(new Change(id, path + ".options", Impact.SCORING_RELEVANT, "removed options " + removed));
        }
        if (!added.isEmpty()) {
            changes.add(new Change(id, path + ".options", Impact.SCORING_RELEVANT, "added options " + added));
        }
        oldLabels.forEach((option, label) -> {
            LocalizedText newer = newLabels.get(option);
            if (newer != null) {
                safe(changes, id, path + ".options." + option + ".label", label, newer);
            }
        });
        List<String> oldOrder = old.options().stream().map(ChoiceOption::id).filter(newLabels::containsKey).toList();
        List<String> newOrder = now.options().stream().map(ChoiceOption::id).filter(oldLabels::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            changes.add(new Change(id, path + ".options", Impact.SAFE, "options reordered from " + oldOrder + " to "
                    + newOrder));
        }
    }

    private static Map<String, LocalizedText> labels(ChoiceQuestion question) {
        var labels = new LinkedHashMap<String, LocalizedText>();
        question.options().forEach(option -> labels.put(option.id(), option.label()));
        return labels;
    }

    private static void safe(List<Change> changes, String id, String path, @Nullable Object old,
                             @Nullable Object now) {
        record(changes, id, path, Impact.SAFE, old, now);
    }

    private static void relevant(List<Change> changes, String id, String path, @Nullable Object old,
                                 @Nullable Object now) {
        record(changes, id, path, Impact.SCORING_RELEVANT, old, now);
    }

    private static void record(List<Change> changes, String id, String path, Impact impact, @Nullable Object old,
                               @Nullable Object now) {
        if (!Objects.equals(old, now)) {
            changes.add(new Change(id, path, impact, describe(old) + " became " + describe(now)));
        }
    }

    private static String describe(@Nullable Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = value instanceof LocalizedText localized ? "'" + localized.text() + "'"
                + (localized.translations().isEmpty() ? "" : " with translations "
                + new java.util.TreeMap<>(localized.translations()).keySet()) : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /**
     * Returns the most severe impact of any change.
     *
     * @return the impact, {@link Impact#SAFE} when nothing or only safe things changed
     */
    public Impact impact() {
        return changes.stream().map(Change::impact).max(Comparator.naturalOrder()).orElse(Impact.SAFE);
    }

    /**
     * Returns whether results of the two versions may be pooled as a whole: every change is safe.
     *
     * @return {@code true} if all changes are {@link Impact#SAFE}
     */
    public boolean poolable() {
        return impact().poolable();
    }

    /**
     * Returns whether the results of one question may be pooled across the two versions: the question is in both,
     * the surveys are the same survey, and every change to that question is safe.
     *
     * @param questionId a question id
     * @return {@code true} if that question's results pool
     */
    public boolean poolable(String questionId) {
        if (from.findQuestion(questionId).isEmpty() || to.findQuestion(questionId).isEmpty()) {
            return false;
        }
        return changes.stream().allMatch(change -> change.impact().poolable()
                || !change.questionId().equals(questionId) && change.impact() != Impact.BREAKING);
    }

    /**
     * Returns the changes with at least an impact.
     *
     * @param atLeast the least impact
     * @return the matching changes, in order
     */
    public List<Change> changes(Impact atLeast) {
        return changes.stream().filter(change -> change.impact().compareTo(atLeast) >= 0).toList();
    }
}
