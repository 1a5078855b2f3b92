package dev.feedbackloop.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * A typed Spark {@link Aggregator} from integer ratings to a score: NPS, CSAT or CES on its scale. The result is a
 * struct with the fields of the command line's JSON, see {@link FeedbackScores}. A null rating is not answered and
 * left out; a rating off the scale is left out and counted in {@code invalid}.
 *
 * <p>Use it on a typed {@code Dataset<Integer>} ({@code ratings.select(RatingAggregator.nps().toColumn())}), or
 * untyped through {@link #udaf()}, which is also what {@link FeedbackScores#register} registers for SQL. The buffer
 * is a {@link RatingCounts} bean, merged exactly; the score is the scoring module's, from the counts. For the
 * fastest untyped aggregation prefer the columns of {@link FeedbackScores}, which Spark compiles into its own
 * aggregation code.
 *
 * <p>Immutable and thread-safe.
 */
public final class RatingAggregator extends Aggregator<Integer, RatingCounts, Row> {

    private static final long serialVersionUID = 1L;

    private final RatingMetric metric;

    private RatingAggregator(RatingMetric metric) {
        this.metric = metric;
    }

    /**
     * Returns the NPS aggregator (ratings 0..10).
     *
     * @return the aggregator
     */
    public static RatingAggregator nps() {
        return new RatingAggregator(RatingMetric.nps());
    }

    /**
     * Returns the CSAT aggregator on 1..{@code points}, satisfied meaning the top two points.
     *
     * @param points the number of points, 2..11 (the command line's default is 5)
     * @return the aggregator
     * @throws IllegalArgumentException if the number of points is out of range
     */
    public static RatingAggregator csat(int points) {
        return new RatingAggregator(RatingMetric.csat(points));
    }

    /**
     * Returns the CES aggregator on 1..{@code points}, agreeing meaning the top three points.
     *
     * @param points the number of points, 2..11 (the command line's default is 7)
     * @return the aggregator
     * @throws IllegalArgumentException if the number of points is out of range
     */
    public static RatingAggregator ces(int points) {
        return new RatingAggregator(RatingMetric.ces(points));
    }

    /**
     * Returns this aggregator as an untyped aggregate function over one integer column, to apply to columns or to
     * register for SQL ({@code spark.udf().register("csat7", RatingAggregator.csat(7).udaf())}).
     *
     * @return the function
     */
    public UserDefinedFunction udaf() {
        return functions.udaf(this, Encoders.INT());
    }

    /**
     * Returns the type of the result.
     *
     * @return the struct type
     */
    public StructType resultType() {
        return metric.schema();
    }

    @Override
    public RatingCounts zero() {
        return RatingCounts.empty(metric.points());
    }

    @Override
    public RatingCounts reduce(RatingCounts buffer, @Nullable Integer rating) {
        if (rating != null) {
            buffer.add(rating, metric.min());
        }
        return buffer;
    }

    @Override
    public RatingCounts merge(RatingCounts buffer, RatingCounts other) {
        buffer.merge(other);
        return buffer;
    }

    @Override
    public Row finish(RatingCounts buffer) {
        return metric.score(buffer.getCounts(), buffer.getInvalid());
    }

    @Override
    public Encoder<RatingCounts> bufferEncoder() {
        return Encoders.bean(RatingCounts.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(metric.schema());
    }

    @Override
    public String toString() {
        return "RatingAggregator[" + metric + "]";
    }
}
