package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.scoring.Period;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Runs the statements of the README's Spark section, as written there, on a few rows. */
final class ReadmeExampleTest {

    @Test
    void readmeStatements_runAndScore() {
        SparkSession spark = SharedSpark.session();
        Dataset<Row> responses = spark.sql("SELECT * FROM VALUES"
                + " ('pro', 'EU', 10, 5, TIMESTAMP'2024-12-30 10:00:00'),"
                + " ('pro', 'US', 3, 2, TIMESTAMP'2025-01-02 10:00:00'),"
                + " ('starter', NULL, 8, 4, NULL)"
                + " AS t(plan, region, nps, csat, submitted_at)");
        responses.createOrReplaceTempView("responses");
        Dataset<Row> tickets = spark.sql("SELECT * FROM VALUES"
                + " ('pro', '1', '2024-12-30T10:00:00Z', '2024-12-30T20:00:00Z'),"
                + " ('pro', '2', '2024-12-30T10:00:00Z', NULL),"
                + " ('starter', '5', '2024-12-31T10:00:00Z', NULL)"
                + " AS t(plan, csat, created_at, first_response_at)");

        // README: start
        FeedbackScores.register(spark);   // SQL: nps(r), csat(r) on 1..5, ces(r) on 1..7, feedback_rating(text)
        Dataset<Row> bySql = spark.sql("SELECT plan, nps(nps) AS nps, csat(csat) AS csat FROM responses GROUP BY plan");

        responses.groupBy("plan").agg(FeedbackScores.nps(col("nps")), FeedbackScores.csat(col("csat"), 7));

        Dataset<Row> card = ScorecardQuery.of(responses).nps("nps").csat("csat", 5)
                .by("plan", "region").period("submitted_at", Period.WEEK).zone(ZoneId.of("Europe/Paris"))
                .naMarkers("NA").groups();                       // one row per group, sorted as the command line sorts
        Dataset<Row> loop = LoopQuery.of(tickets).csat("csat", 5)
                .created("created_at").responded("first_response_at").sla(Duration.ofHours(24))
                .by("plan").groups();                            // triggered, responded, ..., timeToRespondHours
        // README: end

        assertThat(bySql.orderBy("plan").first().getStruct(1).<Long>getAs("n")).isEqualTo(2);
        List<Row> cardRows = card.collectAsList();
        assertThat(cardRows).extracting(r -> r.getString(2)).containsExactly("2025-W01", "2025-W01", null);
        assertThat(cardRows.get(0).getStruct(3).<Long>getAs("promoters")).isEqualTo(1);
        Row pro = loop.collectAsList().get(0);
        assertThat(pro.<Long>getAs("triggered")).isEqualTo(2);
        assertThat(pro.<Long>getAs("respondedWithinSla")).isEqualTo(1);
        assertThat(pro.<Row>getAs("timeToRespondHours").<Double>getAs("median")).isEqualTo(10.0);
    }
}
