package dev.feedbackloop.core;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The survey versions a loop knows, by id and version: those its store kept, read once when the loop is built, and
 * those registered since, which the store keeps too. Thread-safe.
 *
 * <p>Design note: the store decides conflicts (between threads, and between processes sharing a database); the map
 * here is a cache of what the store holds, so that a submission never reads a survey from the store, and registering
 * a known definition again, as hosts do at every start, costs no write.
 */
final class SurveyRegistry {

    private final FeedbackStore store;
    private final ConcurrentHashMap<String, NavigableMap<Integer, Survey>> surveys = new ConcurrentHashMap<>();

    private SurveyRegistry(FeedbackStore store) {
        this.store = store;
    }

    /**
     * Returns a registry of the surveys that a store keeps.
     *
     * @throws dev.feedbackloop.core.store.StoreException if the store cannot read them
     */
    static SurveyRegistry loadedFrom(FeedbackStore store) {
        var registry = new SurveyRegistry(store);
        for (Survey survey : store.surveys()) {
            registry.remember(survey);
        }
        return registry;
    }

    /**
     * Registers a survey version with the store, then here; the same definition again is harmless.
     *
     * @throws SurveyConflictException if a different definition is known or stored under the same id and version
     */
    void register(Survey survey) {
        Objects.requireNonNull(survey, "survey");
        Optional<Survey> known = find(survey.id(), survey.version());
        if (known.isPresent()) {
            if (!known.get().equals(survey)) {
                throw new SurveyConflictException(survey.id(), survey.version());
            }
            return;
        }
        store.putSurvey(survey);
        remember(survey);
    }

    private void remember(Survey survey) {
        Survey existing = surveys.computeIfAbsent(survey.id(), id -> new ConcurrentSkipListMap<>())
                .putIfAbsent(survey.version(), survey);
        if (existing != null && !existing.equals(survey)) {
            throw new SurveyConflictException(survey.id(), survey.version());
        }
    }

    Optional<Survey> find(String surveyId, int version) {
        NavigableMap<Integer, Survey> versions = surveys.get(Objects.requireNonNull(surveyId, "surveyId"));
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** Returns every registered version of a survey, oldest first; empty when none is. */
    List<Survey> versions(String surveyId) {
        NavigableMap<Integer, Survey> versions = surveys.get(Objects.requireNonNull(surveyId, "surveyId"));
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    /** Returns the ids of the registered surveys, in order, with their versions, ascending; unmodifiable. */
    SortedMap<String, List<Integer>> ids() {
        var ids = new TreeMap<String, List<Integer>>();
        surveys.forEach((id, versions) -> {
            List<Integer> numbers = List.copyOf(versions.keySet());
            if (!numbers.isEmpty()) {
                ids.put(id, numbers);
            }
        });
        return Collections.unmodifiableSortedMap(ids);
    }
}
