package dev.feedbackloop.spark;

import dev.feedbackloop.scoring.CesScore;
import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.CsatScore;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.Interval;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.NpsTally;
import dev.feedbackloop.survey.Polarity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One of the three scores on its scale, and the one place where this module turns counts into a score: through
 * the scoring module's tallies ({@code fromCounts}, then the default 95% score), written as the command line's JSON
 * fields. Immutable.
 */
final class RatingMetric implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The type of {@code ci95}: the 95% interval's bounds. */
    static final StructType INTERVAL = new StructType(new StructField[] {
        DataTypes.createStructField("low", DataTypes.DoubleType, false),
        DataTypes.createStructField("high", DataTypes.DoubleType, false),
    });

    enum Kind { NPS, CSAT, CES }

    private final Kind kind;
    private final int min;
    private final int max;

    private RatingMetric(Kind kind, int min, int max) {
        this.kind = kind;
        this.min = min;
        this.max = max;
    }

    static RatingMetric nps() {
        return new RatingMetric(Kind.NPS, 0, 10);
    }

    static RatingMetric csat(int points) {
        return new RatingMetric(Kind.CSAT, 1, checkPoints(points, "csat"));
    }

    static RatingMetric ces(int points) {
        return new RatingMetric(Kind.CES, 1, checkPoints(points, "ces"));
    }

    private static int checkPoints(int points, String what) {
        if (points < 2 || points > 11) {
            throw new IllegalArgumentException(what + " scale: " + points + " points is outside 2..11");
        }
        return points;
    }

    Kind kind() {
        return kind;
    }

    int min() {
        return min;
    }

    int max() {
        return max;
    }

    int points() {
        return max - min + 1;
    }

    /** The column name a score of this metric gets by default: {@code nps}, {@code csat} or {@code ces}. */
    String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The struct of a score: {@code n}, the counts, {@code score}, {@code standardError} (NPS) or {@code mean}
     * (CSAT, CES), {@code ci95} and {@code invalid}. The numbers beyond {@code n} and the counts are null when
     * {@code n} is 0, where the command line writes only {@code n}.
     */
    StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("n", DataTypes.LongType, false));
        switch (kind) {
            case NPS -> {
                fields.add(DataTypes.createStructField("promoters", DataTypes.LongType, false));
                fields.add(DataTypes.createStructField("passives", DataTypes.LongType, false));
                fields.add(DataTypes.createStructField("detractors", DataTypes.LongType, false));
                fields.add(DataTypes.createStructField("score", DataTypes.DoubleType, true));
                fields.add(DataTypes.createStructField("standardError", DataTypes.DoubleType, true));
            }
            case CSAT -> {
                fields.add(DataTypes.createStructField("satisfied", DataTypes.LongType, false));
                fields.add(DataTypes.createStructField("score", DataTypes.DoubleType, true));
                fields.add(DataTypes.createStructField("mean", DataTypes.DoubleType, true));
            }
            case CES -> {
                fields.add(DataTypes.createStructField("agree", DataTypes.LongType, false));
                fields.add(DataTypes.createStructField("score", DataTypes.DoubleType, true));
                fields.add(DataTypes.createStructField("mean", DataTypes.DoubleType, true));
            }
        }
        fields.add(DataTypes.createStructField("ci95", INTERVAL, true));
        fields.add(DataTypes.createStructField("invalid", DataTypes.LongType, false));
        return DataTypes.createStructType(fields);
    }

    /**
     * The score of the given counts as a row of {@link #schema()}.
     *
     * @param counts one count per point of the scale, lowest first
     * @param invalid the ratings seen off the scale
     */
    Row score(long[] counts, long invalid) {
        return switch (kind) {
            case NPS -> {
                NpsScore s = NpsTally.fromCounts(counts).score();
                yield s.n() == 0
                        ? RowFactory.create(0L, 0L, 0L, 0L, null, null, null, invalid)
                        : RowFactory.create(s.n(), s.promoters(), s.passives(), s.detractors(), s.score(),
                                s.standardError(), interval(s.ci()), invalid);
            }
            case CSAT -> {
                CsatScore s = CsatTally.fromCounts(points(), counts).score();
                yield s.n() == 0
                        ? RowFactory.create(0L, 0L, null, null, null, invalid)
                        : RowFactory.create(s.n(), s.satisfied(), s.score(), s.mean(), interval(s.ci()), invalid);
            }
            case CES -> {
                CesScore s = CesTally.fromCounts(points(), Polarity.HIGHER_IS_BETTER, counts).score();
                yield s.n() == 0
                        ? RowFactory.create(0L, 0L, null, null, null, invalid)
                        : RowFactory.create(s.n(), s.agree(), s.score(), s.mean(), interval(s.ci()), invalid);
            }
        };
    }

    private static Row interval(Interval ci) {
        return RowFactory.create(ci.lower(), ci.upper());
    }

    @Override
    public String toString() {
        return name() + " " + min + ".." + max;
    }
}
