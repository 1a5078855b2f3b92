package dev.feedbackloop.scoring.scorecard;

import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.ScoreOptions;
import dev.feedbackloop.scoring.ScoringException;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.version.Compatibility;
import dev.feedbackloop.survey.version.Impact;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collector;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What a scorecard scores: one survey (and the versions pooled with it), its scored questions, the respondent
 * attributes and calendar period to group by, and the scoring options. Immutable and thread-safe.
 *
 * <p>The scored questions are, by default, every {@link NpsQuestion} and {@link RatingQuestion} of the survey, in
 * survey order: NPS questions as {@code NpsScore}, CSAT ratings as {@code CsatScore} (top-two box), CES ratings
 * as {@code CesScore} (top-three box at the good end of the question's polarity) and generic ratings as
 * {@code RatingScore}. Responses to another survey version are pooled only when that version was
 * {@linkplain Builder#pool(Survey) added} and passed the compatibility check.
 *
 * <p>Score a collection with {@link #score(Iterable)}, a (possibly parallel) stream with {@link #collector()}, or
 * any partitioned computation with {@link #newTally()} and {@link ScorecardTally#merge}; all give the same counts.
 */
public final class ScorecardSpec {

    /** How a slot is scored. */
    enum Kind {
        NPS, CSAT, CES, RATING
    }

    private final Survey survey;
    private final int[] versions;
    private final List<String> attributes;
    private final @Nullable Period period;
    private final ZoneId zone;
    private final ScoreOptions options;
    final String[] questionIds;
    final Kind[] kinds;
    final @Nullable RatingQuestion[] ratingQuestions;
    final int[] mins;
    /** The number of points of each scored question, which has that many counters from {@code offsets[s]}. */
    final int[] widths;
    final int[] offsets;
    final int[] boxes;
    final int cells;

    private ScorecardSpec(Builder builder, List<Question> scored) {
        this.survey = builder.survey;
        this.versions = builder.pooled.stream().mapToInt(Survey::version).sorted().toArray();
        this.attributes = List.copyOf(builder.attributes);
        this.period = builder.period;
        this.zone = builder.zone;
        this.options = builder.options;
        int slots = scored.size();
        this.questionIds = new String[slots];
        this.kinds = new Kind[slots];
        this.ratingQuestions = new RatingQuestion[slots];
        this.mins = new int[slots];
        this.widths = new int[slots];
        this.offsets = new int[slots];
        this.boxes = new int[slots];
        int next = 1; // cell 0 counts responses
        for (int i = 0; i < slots; i++) {
            Question question = scored.get(i);
            questionIds[i] = question.id();
            offsets[i] = next;
            if (question instanceof NpsQuestion) {
                kinds[i] = Kind.NPS;
                mins[i] = NpsQuestion.MIN;
                widths[i] = NpsQuestion.MAX - NpsQuestion.MIN + 1;
            } else if (question instanceof RatingQuestion rating) {
                ratingQuestions[i] = rating;
                kinds[i] = switch (rating.kind()) {
                    case CSAT -> Kind.CSAT;
                    case CES -> Kind.CES;
                    case GENERIC -> Kind.RATING;
                };
                int points = rating.scale().points();
                boxes[i] = switch (rating.kind()) {
                    case CSAT -> Math.min(builder.csatTopBox, points);
                    case CES -> Math.min(builder.cesTopBox, points);
                    case GENERIC -> 1;
                };
                mins[i] = rating.scale().min();
                widths[i] = points;
            } else {
                throw new AssertionError(question);
            }
            next += widths[i];
        }
        this.cells = next;
    }

    /**
     * Starts a scorecard of one survey version.
     *
     * @param survey the survey; its questions define what is scored
     * @return a builder
     */
    public static Builder builder(Survey survey) {
        return new Builder(survey);
    }

    /**
     * The default rule for pooling two versions of a survey, from the survey model's version
     * {@link Compatibility} check: no breaking change (same survey id, no question id reused for another type), and
     * every NPS or rating question of the first that the second also has is {@linkplain Compatibility#poolable(String)
     * poolable} (same kind, scale, polarity and display condition). A scored question missing from the second
     * version does not prevent pooling: that version just contributes no answers to it.
     *
     * @param first the version that defines the scorecard
     * @param second a version to pool with it
     * @return {@code true} if their answers can be scored together
     */
    public static boolean poolable(Survey first, Survey second) {
        Compatibility compatibility = first.version() <= second.version()
                ? Compatibility.between(first, second) : Compatibility.between(second, first);
        if (compatibility.impact() == Impact.BREAKING) {
            return false;
        }
        for (Question question : first.questions()) {
            if (isScored(question) && second.findQuestion(question.id()).isPresent()
                    && !compatibility.poolable(question.id())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isScored(Question question) {
        return question instanceof NpsQuestion || question instanceof RatingQuestion;
    }

    /**
     * Returns the survey that defines the scorecard.
     *
     * @return the survey
     */
    public Survey survey() {
        return survey;
    }

    /**
     * Returns the survey versions whose responses are scored, ascending.
     *
     * @return the versions
     */
    public List<Integer> versions() {
        return Arrays.stream(versions).boxed().toList();
    }

    /**
     * Returns the ids of the scored questions, in survey order.
     *
     * @return the question ids
     */
    public List<String> questionIds() {
        return List.of(questionIds);
    }

    /**
     * Returns the respondent attributes grouped by, in order; empty for no segments.
     *
     * @return the attribute names
     */
    public List<String> attributes() {
        return attributes;
    }

    /**
     * Looks up the calendar period grouped by.
     *
     * @return the period, or empty when not grouping by period
     */
    public Optional<Period> findPeriod() {
        return Optional.ofNullable(period);
    }

    /**
     * Returns the calendar period grouped by.
     *
     * @return the period
     * @throws IllegalStateException if this spec does not group by period (see {@link #findPeriod()})
     */
    public Period period() {
        if (period == null) {
            throw new IllegalStateException("scorecard spec of survey '" + survey.id()
                    + "': does not group by period; expected a spec built with period(...)");
        }
        return period;
    }

    @Nullable Period periodOrNull() {
        return period;
    }

    /**
     * Returns the time zone whose calendar buckets the periods.
     *
     * @return the zone; UTC unless set
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the scoring options.
     *
     * @return the options
     */
    public ScoreOptions options() {
        return options;
    }

    /**
     * Returns a new, empty tally for this scorecard.
     *
     * @return a mutable tally; not thread-safe
     */
    public ScorecardTally newTally() {
        return new ScorecardTally(this);
    }

    /**
     * Returns a collector that scores a stream of responses, sequential or parallel.
     *
     * @return the collector; unordered (the result does not depend on encounter order)
     */
    public Collector<Response, ScorecardTally, Scorecard> collector() {
        return Collector.of(this::newTally, ScorecardTally::add, ScorecardTally::combine, ScorecardTally::result,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * Scores responses in a plain loop.
     *
     * @param responses responses to this survey and its pooled versions
     * @return the scorecard
     * @throws ScoringException if a response cannot be scored (see {@link ScorecardTally#add})
     */
    public Scorecard score(Iterable<Response> responses) {
        ScorecardTally tally = newTally();
        for (Response response : responses) {
            tally.add(response);
        }
        return tally.result();
    }

    /**
     * Scores a stream of responses with {@link #collector()}; a parallel stream is scored in parallel.
     *
     * @param responses responses to this survey and its pooled versions
     * @return the scorecard
     * @throws ScoringException if a response cannot be scored (see {@link ScorecardTally#add})
     */
    public Scorecard score(Stream<Response> responses) {
        return responses.collect(collector());
    }

    int versionIndex(int version) {
        for (int i = 0; i < versions.length; i++) {
            if (versions[i] == version) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "ScorecardSpec[survey=" + survey.id() + ", versions=" + versions() + ", questions=" + questionIds()
                + ", attributes=" + attributes + ", period=" + period + ", zone=" + zone + "]";
    }

    /** Builds a {@link ScorecardSpec}; not thread-safe. */
    public static final class Builder {

        private final Survey survey;
        private final List<Survey> pooled = new ArrayList<>();
        private BiPredicate<Survey, Survey> compatibility = ScorecardSpec::poolable;
        private final List<String> attributes = new ArrayList<>();
        private @Nullable Period period;
        private ZoneId zone = ZoneOffset.UTC;
        private ScoreOptions options = ScoreOptions.defaults();
        private @Nullable List<String> questions;
        private int csatTopBox = CsatTally.DEFAULT_TOP_BOX;
        private int cesTopBox = CesTally.DEFAULT_TOP_BOX;

        private Builder(Survey survey) {
            this.survey = Objects.requireNonNull(survey, "survey");
            pooled.add(survey);
        }

        /**
         * Pools the responses to another version of the survey with those of the first, if the compatibility
         * check (checked by {@link #build()}) allows it.
         *
         * @param version another version of the same survey
         * @return this builder
         * @throws IllegalArgumentException if that version was already added
         */
        public Builder pool(Survey version) {
            Objects.requireNonNull(version, "version");
            for (Survey s : pooled) {
                if (s.version() == version.version()) {
                    throw new IllegalArgumentException("pool: version " + version.version() + " of survey "
                            + version.id() + " is already in the scorecard");
                }
            }
            pooled.add(version);
            return this;
        }

        /**
         * Replaces the rule that decides whether a version can be pooled with the first; the default is
         * {@link ScorecardSpec#poolable(Survey, Survey)}.
         *
         * @param rule tells whether the second survey's answers can be scored with the first's
         * @return this builder
         */
        public Builder compatibility(BiPredicate<Survey, Survey> rule) {
            this.compatibility = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Groups by respondent attributes, in this order (appended to any already set). A respondent without an
         * attribute falls in the segment whose value is {@code null}.
         *
         * @param names attribute names
         * @return this builder
         * @throws IllegalArgumentException if a name is blank or repeated
         */
        public Builder groupBy(String... names) {
            for (String name : names) {
                Objects.requireNonNull(name, "name");
                if (name.isBlank()) {
                    throw new IllegalArgumentException("groupBy: attribute name must not be blank");
                }
                if (attributes.contains(name)) {
                    throw new IllegalArgumentException("groupBy: attribute '" + name + "' is already grouped by");
                }
                attributes.add(name);
            }
            return this;
        }

        /**
         * Groups by calendar period of the responses' submission time, in UTC.
         *
         * @param by the period
         * @return this builder
         */
        public Builder period(Period by) {
            return period(by, ZoneOffset.UTC);
        }

        /**
         * Groups by calendar period of the responses' submission time, read in a time zone.
         *
         * @param by the period
         * @param in the zone whose calendar applies
         * @return this builder
         */
        public Builder period(Period by, ZoneId in) {
            this.period = Objects.requireNonNull(by, "by");
            this.zone = Objects.requireNonNull(in, "in");
            return this;
        }

        /**
         * Sets the scoring options; default {@link ScoreOptions#defaults()}.
         *
         * @param scoreOptions confidence level, NPS interval and small-sample threshold
         * @return this builder
         */
        public Builder options(ScoreOptions scoreOptions) {
            this.options = Objects.requireNonNull(scoreOptions, "scoreOptions");
            return this;
        }

        /**
         * Scores only some questions; by default every NPS and rating question. Checked by {@link #build()}.
         *
         * @param ids ids of NPS or rating questions of the survey
         * @return this builder
         */
        public Builder questions(String... ids) {
            this.questions = List.of(ids);
            return this;
        }

        /**
         * Sets how many top points count as satisfied for CSAT questions; default 2 (capped at the scale).
         *
         * @param points at least 1
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder csatTopBox(int points) {
            this.csatTopBox = positive(points, "csatTopBox");
            return this;
        }

        /**
         * Sets how many points at the good end count as agreeing for CES questions; default 3 (capped at the
         * scale).
         *
         * @param points at least 1
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder cesTopBox(int points) {
            this.cesTopBox = positive(points, "cesTopBox");
            return this;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + ": " + value + " is not positive");
            }
            return value;
        }

        /**
         * Checks everything and returns the specification.
         *
         * @return the specification
         * @throws ScoringException if a pooled version fails the compatibility check
         * @throws IllegalArgumentException if a selected question does not exist or is not scored
         */
        public ScorecardSpec build() {
            for (Survey version : pooled.subList(1, pooled.size())) {
                if (!compatibility.test(survey, version)) {
                    throw new ScoringException("survey " + version.id() + " v" + version.version()
                            + " cannot be pooled with " + survey.id() + " v" + survey.version()
                            + ": expected the same survey id and unchanged kind, scale, polarity and condition for"
                            + " every scored question in both");
                }
            }
            List<Question> scored = new ArrayList<>();
            if (questions == null) {
                for (Question question : survey.questions()) {
                    if (isScored(question)) {
                        scored.add(question);
                    }
                }
            } else {
                Set<String> seen = new LinkedHashSet<>();
                for (String id : questions) {
                    Question question = survey.findQuestion(id).orElseThrow(() -> new IllegalArgumentException(
                            "questions: '" + id + "' is not a question of survey " + survey.id() + " v"
                                    + survey.version()));
                    if (!isScored(question)) {
                        throw new IllegalArgumentException("questions: '" + id + "' of survey " + survey.id()
                                + " is not an NPS or rating question");
                    }
                    if (!seen.add(id)) {
                        throw new IllegalArgumentException("questions: '" + id + "' is listed twice");
                    }
                    scored.add(question);
                }
                // keep survey order whatever order the ids were listed in
                TreeMap<Integer, Question> ordered = new TreeMap<>();
                for (Question question : scored) {
                    ordered.put(survey.questions().indexOf(question), question);
                }
                scored = new ArrayList<>(ordered.values());
            }
            return new ScorecardSpec(this, Collections.unmodifiableList(scored));
        }
    }
}
