package dev.feedbackloop.scoring.scorecard;

import dev.feedbackloop.scoring.CalendarPeriod;
import dev.feedbackloop.scoring.CesScore;
import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.Comparison;
import dev.feedbackloop.scoring.Comparisons;
import dev.feedbackloop.scoring.CsatScore;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.NpsTally;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.RatingScore;
import dev.feedbackloop.scoring.RatingTally;
import dev.feedbackloop.scoring.Score;
import dev.feedbackloop.scoring.ScoringException;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mutable, mergeable accumulator of a {@link ScorecardSpec}: counts every scored answer overall and per group.
 * Not thread-safe: use one tally per thread or partition and {@link #merge} them.
 *
 * <p>Design: each group is one {@code long[]} of counters (responses, then the answer distribution of every
 * scored question, laid out by the spec). A group is found through a reusable mutable key of interned attribute
 * value ids and a primitive period bucket, so adding a response to an existing group allocates nothing and boxes
 * nothing; segments and periods are made only by {@link #result()}. Memory grows with the number of groups, never
 * with the number of responses.
 */
public final class ScorecardTally {

    private static final int SECONDS_PER_DAY = 86_400;

    private final ScorecardSpec spec;
    private final String surveyId;
    private final String[] attributes;
    private final Interner[] interners;
    private final @Nullable Period period;
    private final @Nullable OffsetCache offsetCache;
    private final boolean grouped;
    private final long[] overall;
    private final Map<GroupKey, long[]> groups = new HashMap<>();
    private final GroupKey probe;
    private final int[] scratch;

    ScorecardTally(ScorecardSpec spec) {
        this.spec = spec;
        this.surveyId = spec.survey().id();
        this.attributes = spec.attributes().toArray(new String[0]);
        this.interners = new Interner[attributes.length];
        for (int i = 0; i < interners.length; i++) {
            interners[i] = new Interner();
        }
        this.period = spec.periodOrNull();
        this.offsetCache = period == null ? null : new OffsetCache(spec.zone());
        this.grouped = attributes.length > 0 || period != null;
        this.overall = new long[spec.cells];
        this.probe = new GroupKey(new int[attributes.length], 0);
        this.scratch = new int[spec.questionIds.length];
    }

    /**
     * Counts one response: its group, and each answer to a scored question.
     *
     * <p>A response is counted entirely or not at all.
     *
     * @param response a response to the spec's survey, in one of its pooled versions
     * @throws ScoringException if the response is to another survey or an unpooled version, or an answer to a
     *     scored question is not a rating on that question's scale
     */
    public void add(Response response) {
        if (!surveyId.equals(response.surveyId())) {
            throw new ScoringException("response " + response.id() + ": survey '" + response.surveyId()
                    + "' is not scored here, expected '" + surveyId + "'");
        }
        if (spec.versionIndex(response.surveyVersion()) < 0) {
            throw new ScoringException("response " + response.id() + ": survey " + surveyId + " v"
                    + response.surveyVersion() + " is not pooled in this scorecard, expected one of versions "
                    + spec.versions());
        }
        Map<String, Answer> answers = response.answers();
        String[] ids = spec.questionIds;
        for (int s = 0; s < ids.length; s++) {
            Answer answer = answers.get(ids[s]);
            if (answer == null) {
                scratch[s] = -1;
            } else if (answer instanceof Answer.Rating rating) {
                scratch[s] = cell(response, s, rating.value());
            } else {
                throw new ScoringException("response " + response.id() + ", question '" + ids[s]
                        + "': expected a rating answer, got " + answer.getClass().getSimpleName());
            }
        }
        count(overall);
        if (grouped) {
            for (int i = 0; i < attributes.length; i++) {
                probe.ids[i] = interners[i].id(response.respondent().attributes().get(attributes[i]));
            }
            if (period != null && offsetCache != null) {
                long epochSecond = response.submittedAt().getEpochSecond();
                long day = Math.floorDiv(epochSecond + offsetCache.offsetAt(epochSecond), SECONDS_PER_DAY);
                probe.bucket = period.bucketOfEpochDay(day);
            }
            probe.rehash();
            long[] cells = groups.get(probe);
            if (cells == null) {
                cells = new long[spec.cells];
                groups.put(probe.copy(), cells);
            }
            count(cells);
        }
    }

    private int cell(Response response, int slot, int value) {
        int min = spec.mins[slot];
        int width = spec.widths[slot];
        int index = value - min;
        if (index < 0 || index >= width) {
            throw new ScoringException("response " + response.id() + ", question '" + spec.questionIds[slot]
                    + "': rating " + value + " is outside " + min + ".." + (min + width - 1));
        }
        return spec.offsets[slot] + index;
    }

    private void count(long[] cells) {
        cells[0]++;
        for (int cell : scratch) {
            if (cell >= 0) {
                cells[cell]++;
            }
        }
    }

    /**
     * Adds every count of another tally of the same spec to this one; the other tally is unchanged.
     *
     * @param other a tally made by the same {@link ScorecardSpec}
     * @throws IllegalArgumentException if the other tally belongs to another spec
     */
    public void merge(ScorecardTally other) {
        Objects.requireNonNull(other, "other");
        if (other.spec != spec) {
            throw new IllegalArgumentException("cannot merge a tally of " + other.spec + " into one of " + spec);
        }
        add(overall, other.overall);
        for (Map.Entry<GroupKey, long[]> entry : other.groups.entrySet()) {
            GroupKey theirs = entry.getKey();
            GroupKey ours = new GroupKey(new int[attributes.length], theirs.bucket);
            for (int i = 0; i < attributes.length; i++) {
                ours.ids[i] = interners[i].id(other.interners[i].value(theirs.ids[i]));
            }
            ours.rehash();
            long[] cells = groups.computeIfAbsent(ours, key -> new long[spec.cells]);
            add(cells, entry.getValue());
        }
    }

    ScorecardTally combine(ScorecardTally other) {
        merge(other);
        return this;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /**
     * Returns the number of responses counted.
     *
     * @return the count
     */
    public long responses() {
        return overall[0];
    }

    /**
     * Returns the number of groups seen so far (segment and period combinations).
     *
     * @return the count; 0 when grouping by neither attributes nor period
     */
    public int groupCount() {
        return groups.size();
    }

    /**
     * Returns the scorecard of everything counted so far; the tally can go on counting.
     *
     * @return the scorecard
     */
    public Scorecard result() {
        Scorecard.Group overallGroup = new Scorecard.Group(Segment.none(), null, overall[0], results(overall));
        List<Map.Entry<GroupKey, long[]>> entries = new ArrayList<>(groups.entrySet());
        List<Sorted> sorted = new ArrayList<>(entries.size());
        for (Map.Entry<GroupKey, long[]> entry : entries) {
            List<@Nullable String> segment = new ArrayList<>(attributes.length);
            for (int i = 0; i < attributes.length; i++) {
                segment.add(interners[i].value(entry.getKey().ids[i]));
            }
            sorted.add(new Sorted(segment, entry.getKey().bucket, entry.getValue()));
        }
        sorted.sort(Comparator.comparing((Sorted s) -> s.segment, ScorecardTally::compareSegments)
                .thenComparingLong(s -> s.bucket));
        List<Scorecard.Group> result = new ArrayList<>(sorted.size());
        @Nullable List<@Nullable String> currentSegment = null;
        CalendarPeriod[] lastPeriod = new CalendarPeriod[scratch.length];
        Score[] lastScore = new Score[scratch.length];
        for (Sorted group : sorted) {
            if (!group.segment.equals(currentSegment)) {
                currentSegment = group.segment;
                Arrays.fill(lastPeriod, null);
                Arrays.fill(lastScore, null);
            }
            CalendarPeriod groupPeriod = period == null ? null : new CalendarPeriod(period, group.bucket);
            List<Scorecard.QuestionResult> results = new ArrayList<>(scratch.length);
            for (int s = 0; s < scratch.length; s++) {
                Score score = score(group.cells, s);
                CalendarPeriod previousPeriod = null;
                Comparison change = null;
                if (groupPeriod != null && score.n() > 0) {
                    Score previous = lastScore[s];
                    if (previous != null) {
                        previousPeriod = lastPeriod[s];
                        change = compare(score, previous, spec.options().confidence());
                    }
                    lastScore[s] = score;
                    lastPeriod[s] = groupPeriod;
                }
                results.add(new Scorecard.QuestionResult(spec.questionIds[s], score, previousPeriod, change));
            }
            result.add(new Scorecard.Group(new Segment(group.segment), groupPeriod, group.cells[0], results));
        }
        return new Scorecard(surveyId, spec.versions(), spec.questionIds(), spec.attributes(), period, spec.zone(),
                overallGroup, result);
    }

    private List<Scorecard.QuestionResult> results(long[] cells) {
        List<Scorecard.QuestionResult> results = new ArrayList<>(scratch.length);
        for (int s = 0; s < scratch.length; s++) {
            results.add(new Scorecard.QuestionResult(spec.questionIds[s], score(cells, s), null, null));
        }
        return results;
    }

    private Score score(long[] cells, int slot) {
        int offset = spec.offsets[slot];
        int min = spec.mins[slot];
        int width = spec.widths[slot];
        int max = min + width - 1;
        return switch (spec.kinds[slot]) {
            case NPS -> {
                NpsTally tally = new NpsTally();
                for (int i = 0; i < width; i++) {
                    tally.add(min + i, cells[offset + i]);
                }
                yield tally.score(spec.options());
            }
            case CSAT -> {
                CsatTally tally = CsatTally.of(min, max, spec.boxes[slot]);
                for (int i = 0; i < width; i++) {
                    tally.add(min + i, cells[offset + i]);
                }
                yield tally.score(spec.options());
            }
            case CES -> {
                RatingQuestion question = Objects.requireNonNull(spec.ratingQuestions[slot]);
                CesTally tally = CesTally.of(min, max, spec.boxes[slot], question.polarity());
                for (int i = 0; i < width; i++) {
                    tally.add(min + i, cells[offset + i]);
                }
                yield tally.score(spec.options());
            }
            case RATING -> {
                RatingTally tally = RatingTally.of(min, max);
                for (int i = 0; i < width; i++) {
                    tally.add(min + i, cells[offset + i]);
                }
                yield tally.score(spec.options());
            }
        };
    }

    /** The change from {@code previous} to {@code current} in the headline of each score type. */
    static Comparison compare(Score current, Score previous, double confidence) {
        if (current instanceof NpsScore a && previous instanceof NpsScore b) {
            return Comparisons.nps(a, b, confidence);
        } else if (current instanceof CsatScore a && previous instanceof CsatScore b) {
            return Comparisons.csat(a, b, confidence);
        } else if (current instanceof CesScore a && previous instanceof CesScore b) {
            return Comparisons.cesShare(a, b, confidence);
        } else if (current instanceof RatingScore a && previous instanceof RatingScore b) {
            return Comparisons.ratingMean(a, b, confidence);
        }
        throw new AssertionError(current.getClass() + " vs " + previous.getClass());
    }

    /** Compares segments value by value, by Unicode code point, {@code null} after every value. */
    static int compareSegments(List<@Nullable String> a, List<@Nullable String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int c;
            if (x == null || y == null) {
                c = x == null ? (y == null ? 0 : 1) : -1;
            } else {
                c = compareCodePoints(x, y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    @Override
    public String toString() {
        return "ScorecardTally[responses=" + overall[0] + ", groups=" + groups.size() + "]";
    }

    private static final class Sorted {
        final List<@Nullable String> segment;
        final long bucket;
        final long[] cells;

        Sorted(List<@Nullable String> segment, long bucket, long[] cells) {
            this.segment = segment;
            this.bucket = bucket;
            this.cells = cells;
        }
    }

    /** Attribute values interned to dense ids; -1 stands for a missing value. */
    private static final class Interner {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int id(@Nullable String value) {
            if (value == null) {
                return -1;
            }
            Integer id = ids.get(value);
            if (id == null) {
                id = values.size();
                ids.put(value, id);
                values.add(value);
            }
            return id;
        }

        @Nullable String value(int id) {
            return id < 0 ? null : values.get(id);
        }
    }

    /** A group's key: interned attribute ids and a period bucket. Mutable only while probing. */
    private static final class GroupKey {
        final int[] ids;
        long bucket;
        private int hash;

        GroupKey(int[] ids, long bucket) {
            this.ids = ids;
            this.bucket = bucket;
        }

        void rehash() {
            hash = 31 * Arrays.hashCode(ids) + Long.hashCode(bucket);
        }

        GroupKey copy() {
            GroupKey copy = new GroupKey(ids.clone(), bucket);
            copy.hash = hash;
            return copy;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof GroupKey that && hash == that.hash && bucket == that.bucket
                    && Arrays.equals(ids, that.ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
