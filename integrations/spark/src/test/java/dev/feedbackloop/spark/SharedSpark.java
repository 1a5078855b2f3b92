package dev.feedbackloop.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the tests, started on first use and stopped by Spark's shutdown hook: two worker
 * threads, no UI, listening on the loopback address only, few shuffle partitions for small test data.
 */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("feedbackloop-spark-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            FeedbackScores.register(session);
        }
        return session;
    }
}
