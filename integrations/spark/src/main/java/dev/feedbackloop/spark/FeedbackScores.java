package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dev.feedbackloop.scoring.internal.Cells;
import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * NPS, CSAT and CES as Spark aggregate columns, the text rules of rating cells, and their SQL registration.
 *
 * <p>{@code nps(rating)}, {@code csat(rating, points)} and {@code ces(rating, points)} are aggregate columns over an
 * integer rating column, for {@code agg} and {@code select}:
 * <pre>{@code
 * responses.groupBy("plan").agg(FeedbackScores.nps(col("nps")), FeedbackScores.csat(col("csat"), 5))
 * }</pre>
 * Each yields a struct named {@code nps}, {@code csat} or {@code ces} with the fields of the command line's JSON
 * ({@code docs/cli.md}): {@code n}; the counts ({@code promoters}, {@code passives}, {@code detractors};
 * {@code satisfied}; {@code agree}); {@code score}; {@code standardError} (NPS) or {@code mean} (CSAT, CES);
 * {@code ci95} with {@code low} and {@code high}; and {@code invalid}, the ratings seen off the scale, which are
 * left out of the score. A null rating is not answered and left out. When {@code n} is 0 the score, mean, standard
 * error and interval are null (the command line writes only {@code "n": 0}).
 *
 * <p>Spark counts each point of the scale with its own generated aggregation code (one {@code count(case when ...)}
 * per point), and the score is computed once per group from those counts by the scoring module's tallies, so the
 * numbers are exactly those of the tallies and of the command line. The columns expect an integer column: for text
 * cells as exports write them ({@code " 9 "}, {@code "9.0"}, {@code "+9"}, {@code "abc"}), read them with
 * {@link #rating(Column, String...)} first. {@link RatingAggregator} computes the same as a typed {@code Aggregator}.
 *
 * <p>Thread-safe: all methods are static and only build column expressions.
 */
public final class FeedbackScores {

    private FeedbackScores() {
    }

    /**
     * The NPS of an integer rating column (0..10) as an aggregate struct column named {@code nps}.
     *
     * @param rating the rating column; null is not answered
     * @return the aggregate column
     */
    public static Column nps(Column rating) {
        return score(RatingMetric.nps(), rating);
    }

    /**
     * The CSAT of an integer rating column on 1..{@code points} as an aggregate struct column named {@code csat}.
     *
     * @param rating the rating column; null is not answered
     * @param points the number of points of the scale, 2..11 (the command line's default is 5)
     * @return the aggregate column
     * @throws IllegalArgumentException if the number of points is out of range
     */
    public static Column csat(Column rating, int points) {
        return score(RatingMetric.csat(points), rating);
    }

    /**
     * The CES of an integer rating column on 1..{@code points} as an aggregate struct column named {@code ces}.
     *
     * @param rating the rating column; null is not answered
     * @param points the number of points of the scale, 2..11 (the command line's default is 7)
     * @return the aggregate column
     * @throws IllegalArgumentException if the number of points is out of range
     */
    public static Column ces(Column rating, int points) {
        return score(RatingMetric.ces(points), rating);
    }

    /**
     * Reads rating cells as the command line does: an integer, optionally signed and optionally followed by a
     * fraction of zeros ({@code 9}, {@code 9.0}, {@code +9}), spaces and tabs around it ignored. A blank cell (null,
     * empty, only spaces and tabs, or equal to a marker after trimming) is null, not answered; any other text (such
     * as {@code 4.5} or {@code abc}) becomes {@code Integer.MIN_VALUE + 1}, which lies off every scale, so that the
     * scores count it as {@code invalid}. A non-text column is read as its text ({@code 9.0} reads 9, {@code 4.5} is
     * invalid).
     *
     * @param cell the cell column
     * @param naMarkers missing-value markers such as {@code NA}, compared after trimming
     * @return an integer column
     */
    public static Column rating(Column cell, String... naMarkers) {
        return rating(cell, Blanks.of(naMarkers));
    }

    static Column rating(Column cell, Blanks blanks) {
        return ratingFunction(blanks).apply(cell.cast(DataTypes.StringType));
    }

    /**
     * Registers the SQL functions {@code nps(rating)}, {@code csat(rating)} (5 points), {@code ces(rating)}
     * (7 points) — the {@link RatingAggregator}s, the command line's default scales — and
     * {@code feedback_rating(cell)}, the text rules of {@link #rating(Column, String...)} without markers:
     * {@code SELECT plan, nps(rating) FROM responses GROUP BY plan}. Other scales register under names of their
     * own, e.g. {@code spark.udf().register("csat7", RatingAggregator.csat(7).udaf())}.
     *
     * @param spark the session whose function registry receives them
     */
    public static void register(SparkSession spark) {
        Objects.requireNonNull(spark, "spark");
        spark.udf().register("nps", RatingAggregator.nps().udaf());
        spark.udf().register("csat", RatingAggregator.csat(5).udaf());
        spark.udf().register("ces", RatingAggregator.ces(7).udaf());
        spark.udf().register("feedback_rating", ratingFunction(Blanks.of()));
    }

    static Column score(RatingMetric metric, Column rating) {
        Objects.requireNonNull(rating, "rating");
        int points = metric.points();
        Column[] counts = new Column[points + 1];
        for (int i = 0; i < points; i++) {
            counts[i] = count(when(rating.equalTo(metric.min() + i), lit(1)));
        }
        counts[points] = count(when(rating.lt(metric.min()).or(rating.gt(metric.max())), lit(1)));
        return scoreFunction(metric).apply(struct(counts)).as(metric.name());
    }

    /** The score of a struct of counts (one per point, then the invalid count), evaluated once per group. */
    private static UserDefinedFunction scoreFunction(RatingMetric metric) {
        UDF1<Row, Row> score = counts -> {
            long[] values = new long[metric.points()];
            Arrays.setAll(values, counts::getLong);
            return metric.score(values, counts.getLong(values.length));
        };
        return functions.udf(score, metric.schema()).asNonNullable().withName(metric.name());
    }

    private static UserDefinedFunction ratingFunction(Blanks blanks) {
        UDF1<String, Integer> read = cell -> {
            if (blanks.isBlank(cell)) {
                return null;
            }
            int value = Cells.parseInteger(cell);
            return value == Cells.BLANK ? null : value;
        };
        return functions.udf(read, DataTypes.IntegerType).withName("feedback_rating");
    }
}
