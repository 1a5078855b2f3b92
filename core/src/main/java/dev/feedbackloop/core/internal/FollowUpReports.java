package dev.feedbackloop.core.internal;

import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.core.followup.FollowUpTracker;
import dev.feedbackloop.core.followup.FollowUpTracker.Recovery;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.survey.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The follow-up reports of a loop: "did we respond" metrics, whole or by group, and recovery (a followed-up
 * customer's next rating). Thread-safe: it holds no mutable state. Metrics stream the follow-ups opened in their
 * range from the store ({@link FeedbackStore#forEachFollowUp(Instant, Instant, java.util.function.Consumer)}: an
 * index range on the JDBC store); recovery streams every follow-up once.
 */
final class FollowUpReports {

    private final LoopContext loop;

    FollowUpReports(LoopContext loop) {
        this.loop = loop;
    }

    /** See {@link FollowUpTracker#metrics(Instant, Instant, Instant)}. */
    FollowUpMetrics metrics(Instant from, Instant to, Instant asOf) {
        Map<String, FollowUpMetrics> all = metricsBy(followUp -> "all", from, to, asOf);
        if (!all.isEmpty()) {
            return Objects.requireNonNull(all.get("all"));
        }
        try (FollowUpMetrics.Tally none = FollowUpMetrics.tally(asOf)) {
            return none.result();
        }
    }

    /**
     * See {@link FollowUpTracker#metricsBy(Function, Instant, Instant, Instant)}. Each group's tally is closed once
     * its metrics are taken, so that no duration tally keeps a temporary file.
     */
    Map<String, FollowUpMetrics> metricsBy(Function<FollowUp, String> groupBy, Instant from, Instant to,
                                           Instant asOf) {
        Objects.requireNonNull(groupBy, "groupBy");
        FeedbackStore.requireRange(from, to);
        Objects.requireNonNull(asOf, "asOf");
        var tallies = new TreeMap<String, FollowUpMetrics.Tally>();
        try {
            loop.store().forEachFollowUp(from, to, followUp -> tallies
                    .computeIfAbsent(groupBy.apply(followUp), key -> FollowUpMetrics.tally(asOf)).add(followUp));
            var result = new TreeMap<String, FollowUpMetrics>();
            tallies.forEach((key, tally) -> result.put(key, tally.result()));
            return result;
        } finally {
            tallies.values().forEach(FollowUpMetrics.Tally::close);
        }
    }

    /** See {@link FollowUpTracker#recovery(String, String)}. */
    List<Recovery> recovery(String surveyId, String questionId) {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(questionId, "questionId");
        var followed = new ArrayList<FollowUp>();
        loop.store().forEachFollowUp(f -> {
            if (f.surveyId().equals(surveyId) && f.customerId() != null) {
                followed.add(f);
            }
        });
        // one read of a customer's responses serves all of their follow-ups; results keep the order of opening
        var byCustomer = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < followed.size(); i++) {
            byCustomer.computeIfAbsent(Objects.requireNonNull(followed.get(i).customerId()), c -> new ArrayList<>())
                    .add(i);
        }
        var found = new Recovery[followed.size()];
        byCustomer.forEach((customerId, indexes) -> {
            List<StoredResponse> responses = loop.store().responsesOfCustomer(customerId);
            for (int index : indexes) {
                found[index] = recovery(followed.get(index), customerId, responses, surveyId, questionId);
            }
        });
        var result = new ArrayList<Recovery>();
        for (Recovery recovery : found) {
            if (recovery != null) {
                result.add(recovery);
            }
        }
        return result;
    }

    private static @Nullable Recovery recovery(FollowUp followUp, String customerId, List<StoredResponse> responses,
                                               String surveyId, String questionId) {
        Integer before = null;
        Instant beforeAt = null;
        for (StoredResponse stored : responses) {
            if (stored.id().equals(followUp.responseId())) {
                before = rating(stored, questionId);
                beforeAt = stored.response().submittedAt();
            }
        }
        if (before == null || beforeAt == null) {
            return null;
        }
        for (StoredResponse stored : responses) {
            Integer after = rating(stored, questionId);
            if (after != null && stored.response().surveyId().equals(surveyId)
                    && stored.response().submittedAt().isAfter(beforeAt)) {
                return new Recovery(followUp.id(), customerId, before, after, stored.id());
            }
        }
        return null;
    }

    private static @Nullable Integer rating(StoredResponse stored, String questionId) {
        return stored.response().answer(questionId) instanceof Answer.Rating rating ? rating.value() : null;
    }
}
