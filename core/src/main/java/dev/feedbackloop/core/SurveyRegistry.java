package dev.feedbackloop.core;

import dev.feedbackloop.survey.Survey;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The survey versions a loop knows, by id and version, kept in memory. Thread-safe. */
final class SurveyRegistry {

    private final ConcurrentHashMap<String, NavigableMap<Integer, Survey>> surveys = new ConcurrentHashMap<>();

    /**
     * Registers a survey version; the same definition again is harmless.
     *
     * @throws IllegalArgumentException if a different definition is registered under the same id and version
     */
    void register(Survey survey) {
        Objects.requireNonNull(survey, "survey");
        Survey existing = surveys.computeIfAbsent(survey.id(), id -> new ConcurrentSkipListMap<>())
                .putIfAbsent(survey.version(), survey);
        if (existing != null && !existing.equals(survey)) {
            throw new IllegalArgumentException("survey " + survey.id() + " v" + survey.version()
                    + " is already registered with a different definition; expected a new version");
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
}
