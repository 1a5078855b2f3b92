package dev.feedbackloop.core.store;

import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerActivity;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpConflictException;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.store.CustomerQuota;
import dev.feedbackloop.core.store.Erasure;
import dev.feedbackloop.core.store.ErasureReport;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FollowUpChange;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FeedbackStore} in memory: the default store, for tests, demos and hosts that keep nothing across
 * restarts. Thread-safe: one read-write lock makes every write atomic and every read consistent.
 *
 * <p>Pending deadlines are indexed in sorted sets per {@link DeadlineKind}, so overdue and due-soon queries read a
 * range instead of scanning. Streaming reads copy a snapshot under the lock and call the action outside it.
 */
final class InMemoryStore implements FeedbackStore {

    private record Keyed(Instant instant, String id) implements Comparable<Keyed> {

        @Override
        public int compareTo(Keyed other) {
            int byInstant = instant.compareTo(other.instant);
            return byInstant != 0 ? byInstant : id.compareTo(other.id);
        }
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, TreeMap<Integer, Survey>> surveys = new TreeMap<>();
    private final Map<String, StoredResponse> responses = new HashMap<>();
    private final Map<String, TreeMap<Keyed, String>> responsesBySurvey = new HashMap<>();
    private final Map<String, TreeSet<Keyed>> submissionsBySurvey = new HashMap<>();
    private final Map<String, FollowUp> followUps = new HashMap<>();
    private final Map<String, TreeSet<String>> followUpsByResponse = new HashMap<>();
    private final TreeSet<Keyed> followUpsByOpening = new TreeSet<>();
    private final Map<DeadlineKind, TreeSet<Keyed>> pending = new EnumMap<>(DeadlineKind.class);
    private final TreeMap<String, Customer> customers = new TreeMap<>();
    private final Map<String, List<Touch>> touches = new HashMap<>();
    private final TreeMap<Long, OutboxEntry> outbox = new TreeMap<>();
    private long nextSequence = 1;

    private InMemoryStore() {
        for (DeadlineKind kind : DeadlineKind.values()) {
            pending.put(kind, new TreeSet<>());
        }
    }

    /** Returns a new, empty store. */
    static InMemoryStore create() {
        return new InMemoryStore();
    }

    @Override
    public void putSurvey(Survey survey) {
        Objects.requireNonNull(survey, "survey");
        write(() -> {
            Survey stored = surveys.computeIfAbsent(survey.id(), id -> new TreeMap<>())
                    .putIfAbsent(survey.version(), survey);
            if (stored != null && !stored.equals(survey)) {
                throw new SurveyConflictException(survey.id(), survey.version());
            }
            return survey;
        });
    }

    @Override
    public List<Survey> surveys() {
        return read(() -> surveys.values().stream().flatMap(versions -> versions.values().stream()).toList());
    }

    @Override
    public SubmitResult submit(Submission submission) {
        Objects.requireNonNull(submission, "submission");
        return write(() -> storeAll(List.of(submission))).get(0);
    }

    @Override
    public List<SubmitResult> submitAll(List<Submission> submissions) {
        List<Submission> copy = List.copyOf(submissions);
        return copy.isEmpty() ? List.of() : write(() -> storeAll(copy));
    }

    /** Stores the submissions whose ids are new, all or none; called under the write lock. */
    private List<SubmitResult> storeAll(List<Submission> submissions) {
        var fresh = new HashMap<String, Submission>();
        var newFollowUps = new HashSet<String>();
        var earlierInBatch = new HashMap<String, Integer>();
        for (Submission submission : submissions) {
            String id = submission.response().id();
            if (responses.containsKey(id) || fresh.putIfAbsent(id, submission) != null) {
                continue;
            }
            CustomerQuota quota = submission.quota();
            if (quota != null) {
                String customerId = Objects.requireNonNull(submission.response().response().respondent().customerId());
                long count = earlierInBatch.merge(customerId, 1, Integer::sum) - 1
                        + countReceivedAfter(customerId, quota.since());
                if (!quota.allows(count)) {
                    throw quota.exceeded(id, count);
                }
            }
            for (FollowUp followUp : submission.followUps()) {
                if (followUps.containsKey(followUp.id()) || !newFollowUps.add(followUp.id())) {
                    throw new FollowUpConflictException(List.of(followUp.id()), "for another response than '" + id
                            + "'");
                }
            }
        }
        var results = new ArrayList<SubmitResult>(submissions.size());
        for (Submission submission : submissions) {
            StoredResponse existing = responses.get(submission.response().id());
            if (existing != null) {
                results.add(new SubmitResult(false, existing, followUpsOf(existing.id())));
                continue;
            }
            StoredResponse response = submission.response();
            responses.put(response.id(), response);
            responsesBySurvey.computeIfAbsent(response.response().surveyId(), k -> new TreeMap<>())
                    .put(new Keyed(response.receivedAt(), response.id()), response.id());
            submissionsBySurvey.computeIfAbsent(response.response().surveyId(), k -> new TreeSet<>())
                    .add(new Keyed(response.response().submittedAt(), response.id()));
            for (FollowUp followUp : submission.followUps()) {
                followUpsByResponse.computeIfAbsent(response.id(), k -> new TreeSet<>()).add(followUp.id());
                put(followUp);
            }
            Customer customer = submission.newCustomer();
            if (customer != null) {
                customers.putIfAbsent(customer.id(), customer);
            }
            submission.touches().forEach(this::addTouch);
            appendAll(submission.events());
            results.add(new SubmitResult(true, response, followUpsOf(response.id())));
        }
        return results;
    }

    @Override
    public Optional<StoredResponse> findResponse(String responseId) {
        return read(() -> Optional.ofNullable(responses.get(responseId)));
    }

    @Override
    public Map<String, StoredResponse> findResponses(Collection<String> responseIds) {
        List<String> ids = List.copyOf(responseIds);
        return read(() -> {
            var found = new HashMap<String, StoredResponse>();
            for (String id : ids) {
                StoredResponse response = responses.get(id);
                if (response != null) {
                    found.put(id, response);
                }
            }
            return found;
        });
    }

    @Override
    public void forEachResponse(String surveyId, Consumer<StoredResponse> action) {
        List<StoredResponse> snapshot = read(() -> {
            var ids = responsesBySurvey.getOrDefault(surveyId, new TreeMap<>());
            var list = new ArrayList<StoredResponse>(ids.size());
            for (String id : ids.values()) {
                list.add(responses.get(id));
            }
            return list;
        });
        snapshot.forEach(action);
    }

    @Override
    public void forEachResponse(String surveyId, Instant from, Instant to, Consumer<StoredResponse> action) {
        Objects.requireNonNull(surveyId, "surveyId");
        FeedbackStore.requireRange(from, to);
        Objects.requireNonNull(action, "action");
        List<StoredResponse> snapshot = read(() -> {
            TreeSet<Keyed> submitted = submissionsBySurvey.get(surveyId);
            if (submitted == null || !from.isBefore(to)) {
                return List.of();
            }
            var list = new ArrayList<StoredResponse>();
            // ids are never empty, so (instant, "") sorts before every response submitted at that instant
            for (Keyed key : submitted.subSet(new Keyed(from, ""), true, new Keyed(to, ""), false)) {
                list.add(responses.get(key.id()));
            }
            return list;
        });
        snapshot.forEach(action);
    }

    @Override
    public List<StoredResponse> responsesOfCustomer(String customerId) {
        return read(() -> responses.values().stream()
                .filter(r -> customerId.equals(r.response().respondent().customerId()))
                .sorted(Comparator.comparing((StoredResponse r) -> r.response().submittedAt())
                        .thenComparing(StoredResponse::id))
                .toList());
    }

    @Override
    public Optional<FollowUp> findFollowUp(String followUpId) {
        return read(() -> Optional.ofNullable(followUps.get(followUpId)));
    }

    @Override
    public List<FollowUp> followUpsOfResponse(String responseId) {
        return read(() -> followUpsOf(responseId));
    }

    @Override
    public FollowUp update(FollowUpChange change) {
        Objects.requireNonNull(change, "change");
        FollowUp updated = change.updated();
        return write(() -> {
            FollowUp current = followUps.get(updated.id());
            if (current == null) {
                throw new NotFoundException("follow-up", updated.id());
            }
            if (current.version() != change.expectedVersion()) {
                throw new VersionConflictException(updated.id(), change.expectedVersion(), current.version());
            }
            unindex(current);
            put(updated);
            change.touches().forEach(this::addTouch);
            appendAll(change.events());
            return updated;
        });
    }

    @Override
    public List<FollowUp> followUps(FollowUpQuery query) {
        Objects.requireNonNull(query, "query");
        return read(() -> matching(query, null));
    }

    @Override
    public List<FollowUp> followUpsAfter(FollowUpQuery query, FollowUpCursor after) {
        Objects.requireNonNull(query, "query");
        requireOrderedBy(after, DeadlineKind.FIRST_CONTACT);
        return read(() -> matching(query, after));
    }

    private List<FollowUp> matching(FollowUpQuery query, @Nullable FollowUpCursor after) {
        return followUps.values().stream()
                .filter(followUp -> query.matches(followUp) && (after == null || after.precedes(followUp)))
                .sorted(Comparator.comparing(FollowUp::firstContactDue).thenComparing(FollowUp::id))
                .limit(query.limit())
                .toList();
    }

    @Override
    public List<FollowUp> pendingDue(DeadlineKind kind, @Nullable Instant from, Instant to, int limit) {
        return pending(kind, from, null, to, limit);
    }

    @Override
    public List<FollowUp> pendingDueAfter(DeadlineKind kind, @Nullable Instant from, FollowUpCursor after,
                                          Instant to, int limit) {
        Objects.requireNonNull(kind, "kind");
        requireOrderedBy(after, kind);
        return pending(kind, from, after, to, limit);
    }

    /** Reads the deadline index of a kind from the later of {@code from} and the cursor, up to {@code to}. */
    private List<FollowUp> pending(DeadlineKind kind, @Nullable Instant from, @Nullable FollowUpCursor after,
                                   Instant to, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is not positive");
        }
        @Nullable Keyed start = after == null ? null : new Keyed(after.due(), after.id());
        boolean inclusive = false;
        if (from != null && (start == null || new Keyed(from, "").compareTo(start) > 0)) {
            // ids are never empty, so (from, "") sorts before every follow-up due at from
            start = new Keyed(from, "");
            inclusive = true;
        }
        @Nullable Keyed first = start;
        boolean firstIncluded = inclusive;
        return read(() -> {
            TreeSet<Keyed> index = pending(kind);
            var result = new ArrayList<FollowUp>();
            for (Keyed key : first == null ? index : index.tailSet(first, firstIncluded)) {
                if (result.size() == limit || !key.instant().isBefore(to)) {
                    break;
                }
                result.add(followUps.get(key.id()));
            }
            return result;
        });
    }

    private static void requireOrderedBy(FollowUpCursor after, DeadlineKind kind) {
        if (after.orderedBy() != kind) {
            throw new IllegalArgumentException("after: a cursor ordered by " + after.orderedBy()
                    + "; expected one ordered by " + kind);
        }
    }

    @Override
    public void forEachFollowUp(Consumer<FollowUp> action) {
        List<FollowUp> snapshot = read(() -> followUpsByOpening.stream().map(k -> followUps.get(k.id())).toList());
        snapshot.forEach(action);
    }

    @Override
    public void forEachFollowUp(Instant from, Instant to, Consumer<FollowUp> action) {
        FeedbackStore.requireRange(from, to);
        Objects.requireNonNull(action, "action");
        List<FollowUp> snapshot = read(() -> {
            if (!from.isBefore(to)) {
                return List.of();
            }
            // ids are never empty, so (instant, "") sorts before every follow-up opened at that instant
            return followUpsByOpening.subSet(new Keyed(from, ""), true, new Keyed(to, ""), false).stream()
                    .map(k -> followUps.get(k.id())).toList();
        });
        snapshot.forEach(action);
    }

    @Override
    public FollowUpCounts followUpCounts(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return read(() -> {
            FollowUpCounts.Counter counter = FollowUpCounts.counter(asOf);
            followUps.values().forEach(counter::add);
            return counter.counts();
        });
    }

    @Override
    public void putCustomer(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        write(() -> customers.put(customer.id(), customer));
    }

    @Override
    public Optional<Customer> findCustomer(String customerId) {
        return read(() -> Optional.ofNullable(customers.get(customerId)));
    }

    @Override
    public void recordTouch(Touch touch, List<FeedbackEvent> events) {
        Objects.requireNonNull(touch, "touch");
        List<FeedbackEvent> copy = List.copyOf(events);
        write(() -> {
            addTouch(touch);
            appendAll(copy);
            return null;
        });
    }

    @Override
    public List<Touch> touches(String customerId) {
        return read(() -> List.copyOf(touches.getOrDefault(customerId, List.of())));
    }

    @Override
    public void forEachCustomer(Consumer<CustomerActivity> action) {
        List<CustomerActivity> snapshot = read(() -> {
            var list = new ArrayList<CustomerActivity>(customers.size());
            for (Customer customer : customers.values()) {
                Instant lastContact = null;
                Instant lastAnswered = null;
                for (Touch touch : touches.getOrDefault(customer.id(), List.of())) {
                    if (touch.kind().isContact() && (lastContact == null || touch.at().isAfter(lastContact))) {
                        lastContact = touch.at();
                    }
                    if (touch.kind() == TouchKind.SURVEY_ANSWERED
                            && (lastAnswered == null || touch.at().isAfter(lastAnswered))) {
                        lastAnswered = touch.at();
                    }
                }
                list.add(new CustomerActivity(customer, lastContact, lastAnswered));
            }
            return list;
        });
        snapshot.forEach(action);
    }

    @Override
    public void append(List<FeedbackEvent> events) {
        List<FeedbackEvent> copy = List.copyOf(events);
        write(() -> {
            appendAll(copy);
            return null;
        });
    }

    @Override
    public List<OutboxEntry> pollOutbox(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max: " + max + " is not positive");
        }
        return read(() -> outbox.values().stream().limit(max).toList());
    }

    @Override
    public void acknowledge(Collection<Long> sequences) {
        List<Long> copy = List.copyOf(sequences);
        write(() -> {
            copy.forEach(outbox::remove);
            return null;
        });
    }

    @Override
    public ErasureReport eraseCustomer(Erasure erasure) {
        Objects.requireNonNull(erasure, "erasure");
        String customerId = erasure.customerId();
        return write(() -> {
            int erasedResponses = 0;
            for (var entry : responses.entrySet()) {
                if (customerId.equals(entry.getValue().response().respondent().customerId())) {
                    entry.setValue(entry.getValue().anonymised());
                    erasedResponses++;
                }
            }
            int erasedFollowUps = 0;
            for (FollowUp followUp : List.copyOf(followUps.values())) {
                if (customerId.equals(followUp.customerId())) {
                    unindex(followUp);
                    put(erasure.apply(followUp));
                    erasedFollowUps++;
                }
            }
            List<Touch> removedTouches = touches.remove(customerId);
            int erasedEvents = 0;
            for (Iterator<OutboxEntry> it = outbox.values().iterator(); it.hasNext(); ) {
                if (customerId.equals(it.next().event().customerId())) {
                    it.remove();
                    erasedEvents++;
                }
            }
            boolean customer = customers.remove(customerId) != null;
            return new ErasureReport(erasedResponses, erasedFollowUps,
                    removedTouches == null ? 0 : removedTouches.size(), erasedEvents, customer);
        });
    }

    private long countReceivedAfter(String customerId, Instant since) {
        long count = 0;
        for (StoredResponse response : responses.values()) {
            if (customerId.equals(response.response().respondent().customerId())
                    && response.receivedAt().isAfter(since)) {
                count++;
            }
        }
        return count;
    }

    private List<FollowUp> followUpsOf(String responseId) {
        var ids = followUpsByResponse.get(responseId);
        return ids == null ? List.of() : ids.stream().map(followUps::get).toList();
    }

    private void put(FollowUp followUp) {
        followUps.put(followUp.id(), followUp);
        followUpsByOpening.add(new Keyed(followUp.openedAt(), followUp.id()));
        for (DeadlineKind kind : DeadlineKind.values()) {
            if (followUp.isPending(kind)) {
                followUp.findDue(kind).ifPresent(due -> pending(kind).add(new Keyed(due, followUp.id())));
            }
        }
    }

    /** The deadline index of one kind; every kind has one. */
    private TreeSet<Keyed> pending(DeadlineKind kind) {
        return Objects.requireNonNull(pending.get(kind), "pending");
    }

    private void unindex(FollowUp followUp) {
        followUpsByOpening.remove(new Keyed(followUp.openedAt(), followUp.id()));
        for (DeadlineKind kind : DeadlineKind.values()) {
            followUp.findDue(kind).ifPresent(due -> pending(kind).remove(new Keyed(due, followUp.id())));
        }
    }

    /** Adds a touch after every touch at the same instant or earlier, keeping the list sorted and stable. */
    private void addTouch(Touch touch) {
        List<Touch> list = touches.computeIfAbsent(touch.customerId(), k -> new ArrayList<>());
        int index = list.size();
        while (index > 0 && list.get(index - 1).at().isAfter(touch.at())) {
            index--;
        }
        list.add(index, touch);
    }

    private void appendAll(List<FeedbackEvent> events) {
        for (FeedbackEvent event : events) {
            long sequence = nextSequence++;
            outbox.put(sequence, new OutboxEntry(sequence, event));
        }
    }

    private <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
