package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.feedbackloop.scoring.CesScore;
import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.CsatScore;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.NpsTally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class RatingAggregatorTest {

    private static final long SEED = 4_242_024L;
    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("plan", DataTypes.StringType, true),
            DataTypes.createStructField("nps", DataTypes.IntegerType, true),
            DataTypes.createStructField("csat", DataTypes.IntegerType, true),
            DataTypes.createStructField("ces", DataTypes.IntegerType, true)));

    private static SparkSession spark;
    private static List<Row> rows;
    private static Dataset<Row> responses;

    @BeforeAll
    static void data() {
        System.out.println("RatingAggregatorTest seed " + SEED);
        spark = SharedSpark.session();
        Random random = new Random(SEED);
        rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(RowFactory.create(random.nextInt(5) == 0 ? null : "plan-" + random.nextInt(3),
                    rating(random, -1, 12), rating(random, 0, 6), rating(random, 1, 8)));
        }
        responses = spark.createDataFrame(rows, SCHEMA).repartition(3);
        responses.createOrReplaceTempView("rating_aggregator_test");
    }

    /** Mostly on the scale, sometimes null, sometimes off it. */
    private static Integer rating(Random random, int low, int high) {
        return random.nextInt(10) == 0 ? null : low + random.nextInt(high - low + 1);
    }

    @Test
    void typedAggregator_onIntegerDataset_equalsNpsTally() {
        Dataset<Integer> ratings = responses.select(col("nps")).as(Encoders.INT());

        Row result = ratings.select(RatingAggregator.nps().toColumn()).first();

        NpsTally tally = new NpsTally();
        long invalid = 0;
        for (Row row : rows) {
            Integer r = (Integer) row.get(1);
            if (r != null && r >= 0 && r <= 10) {
                tally.add(r);
            } else if (r != null) {
                invalid++;
            }
        }
        NpsScore expected = tally.score();
        assertThat(result.<Long>getAs("n")).isEqualTo(expected.n());
        assertThat(result.<Long>getAs("promoters")).isEqualTo(expected.promoters());
        assertThat(result.<Long>getAs("detractors")).isEqualTo(expected.detractors());
        assertThat(result.<Double>getAs("score")).isCloseTo(expected.score(), within(1e-9));
        assertThat(result.<Double>getAs("standardError")).isCloseTo(expected.standardError(), within(1e-9));
        assertThat(result.<Row>getAs("ci95").getDouble(0)).isCloseTo(expected.ci().lower(), within(1e-9));
        assertThat(result.<Long>getAs("invalid")).isEqualTo(invalid).isPositive();
    }

    @Test
    void sqlFunctions_byGroup_equalTheColumnsAndTheTallies() {
        List<Row> sql = spark.sql("SELECT plan, nps(nps) AS nps, csat(csat) AS csat, ces(ces) AS ces"
                + " FROM rating_aggregator_test GROUP BY plan ORDER BY plan NULLS LAST").collectAsList();
        List<Row> columns = responses.groupBy("plan")
                .agg(FeedbackScores.nps(col("nps")), FeedbackScores.csat(col("csat"), 5),
                        FeedbackScores.ces(col("ces"), 7))
                .orderBy(col("plan").asc_nulls_last()).collectAsList();

        assertThat(sql).hasSize(4).isEqualTo(columns);
        for (Row group : sql) {
            String plan = group.getString(0);
            CsatTally csat = CsatTally.of(5);
            CesTally ces = CesTally.agreement(7);
            for (Row row : rows) {
                if (java.util.Objects.equals(row.get(0), plan)) {
                    Integer c = (Integer) row.get(2);
                    if (c != null && c >= 1 && c <= 5) {
                        csat.add(c);
                    }
                    Integer e = (Integer) row.get(3);
                    if (e != null && e >= 1 && e <= 7) {
                        ces.add(e);
                    }
                }
            }
            CsatScore csatScore = csat.score();
            CesScore cesScore = ces.score();
            assertThat(group.getStruct(2).<Long>getAs("satisfied")).isEqualTo(csatScore.satisfied());
            assertThat(group.getStruct(2).<Double>getAs("mean")).isCloseTo(csatScore.mean(), within(1e-9));
            assertThat(group.getStruct(3).<Long>getAs("agree")).isEqualTo(cesScore.agree());
            assertThat(group.getStruct(3).<Row>getAs("ci95").getDouble(1)).isCloseTo(cesScore.ci().upper(),
                    within(1e-9));
        }
    }

    @Test
    void otherScale_registeredUnderItsOwnName_countsOffScaleAsInvalid() {
        spark.udf().register("csat3", RatingAggregator.csat(3).udaf());

        Row result = spark.sql("SELECT csat3(r) FROM VALUES (1), (3), (4), (NULL) AS t(r)").first().getStruct(0);

        assertThat(result.<Long>getAs("n")).isEqualTo(2);
        assertThat(result.<Long>getAs("satisfied")).isEqualTo(1);
        assertThat(result.<Long>getAs("invalid")).isEqualTo(1);
    }

    @Test
    void noAnswers_giveNZeroAndNullScore() {
        Row result = spark.sql("SELECT nps(r) FROM VALUES (CAST(NULL AS INT)), (11) AS t(r)").first().getStruct(0);

        assertThat(result.<Long>getAs("n")).isZero();
        assertThat(result.isNullAt(result.fieldIndex("score"))).isTrue();
        assertThat(result.isNullAt(result.fieldIndex("ci95"))).isTrue();
        assertThat(result.<Long>getAs("invalid")).isEqualTo(1);
    }

    @Test
    void resultType_hasTheCommandLinesFieldsInItsOrder() {
        assertThat(Arrays.asList(RatingAggregator.nps().resultType().fieldNames()))
                .containsExactly("n", "promoters", "passives", "detractors", "score", "standardError", "ci95",
                        "invalid");
        assertThat(Arrays.asList(RatingAggregator.ces(7).resultType().fieldNames()))
                .containsExactly("n", "agree", "score", "mean", "ci95", "invalid");
    }
}
