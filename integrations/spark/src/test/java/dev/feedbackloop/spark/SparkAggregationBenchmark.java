package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Side by side, same session and data: NPS (0..10), CSAT (1..5) and CES (1..7) by plan over N cached rows in
 * {@code local[2]}, three ways — hand-written Spark SQL counting each point of each scale and the ratings off it
 * with {@code sum(case when ...)} (the baseline), this module's columns ({@link FeedbackScores}), and its
 * SQL functions ({@link RatingAggregator} through {@code functions.udaf}). Rounds alternate which runs first; each
 * round checks that the three count the same. Prints each time, the medians and the ratios baseline/ours (speed
 * relative to the baseline, higher is better). Not a test: run by hand (command in BENCHMARKS.md):
 *
 * <pre>
 * mvn -B -q -pl integrations/spark -am test-compile
 * cd integrations/spark
 * java -Xmx4g @src/test/spark-java17.args -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     dev.feedbackloop.spark.SparkAggregationBenchmark --rows 5000000 --rounds 5
 * </pre>
 */
public final class SparkAggregationBenchmark {

    private SparkAggregationBenchmark() {
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code --rows N} (default 5,000,000) and {@code --rounds R} (default 5)
     */
    public static void main(String[] args) {
        long rows = 5_000_000;
        int rounds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SparkSession spark = SparkSession.builder().appName("feedbackloop-spark-benchmark").master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        FeedbackScores.register(spark);
        Dataset<Row> data = spark.range(rows).select(
                element_at(functions.array(lit("starter"), lit("pro"), lit("enterprise"), lit("free")),
                        pmod(hash(col("id"), lit(1)), lit(4)).plus(1).cast("int")).as("plan"),
                rating(col("id"), 2, 0, 10).as("nps"),
                rating(col("id"), 3, 1, 5).as("csat"),
                rating(col("id"), 4, 1, 7).as("ces"))
                .persist(StorageLevel.MEMORY_ONLY());
        System.out.printf("rows %,d, cached: %,d%n", rows, data.count());
        data.createOrReplaceTempView("responses");
        String baselineSql = "SELECT plan, " + String.join(", ", counts("nps", 0, 10)) + ", "
                + String.join(", ", counts("csat", 1, 5)) + ", " + String.join(", ", counts("ces", 1, 7))
                + " FROM responses GROUP BY plan";

        Supplier<List<Row>> baseline = () -> spark.sql(baselineSql).collectAsList();
        Supplier<List<Row>> columns = () -> data.groupBy("plan").agg(FeedbackScores.nps(col("nps")),
                FeedbackScores.csat(col("csat"), 5), FeedbackScores.ces(col("ces"), 7)).collectAsList();
        Supplier<List<Row>> udafs = () -> spark.sql(
                "SELECT plan, nps(nps), csat(csat), ces(ces) FROM responses GROUP BY plan").collectAsList();
        List<String> names = List.of("baseline sum(case when)", "FeedbackScores columns", "RatingAggregator udaf");
        List<Supplier<List<Row>>> runs = List.of(baseline, columns, udafs);
        List<List<Double>> seconds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int warm = 0; warm < 2; warm++) {
            runs.forEach(Supplier::get);
        }
        for (int round = 0; round < rounds; round++) {
            List<List<Row>> results = new ArrayList<>(List.of(List.of(), List.of(), List.of()));
            for (int k = 0; k < runs.size(); k++) {
                int which = (k + round) % runs.size();
                long start = System.nanoTime();
                results.set(which, runs.get(which).get());
                seconds.get(which).add((System.nanoTime() - start) / 1e9);
            }
            check(results);
            System.out.printf("round %d: baseline %.3f s, columns %.3f s, udaf %.3f s%n", round + 1,
                    last(seconds.get(0)), last(seconds.get(1)), last(seconds.get(2)));
        }
        double base = median(seconds.get(0));
        for (int k = 0; k < runs.size(); k++) {
            double m = median(seconds.get(k));
            List<Double> perRound = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                perRound.add(seconds.get(0).get(round) / seconds.get(k).get(round));
            }
            System.out.printf("%-26s median %.3f s  ratio baseline/this %.2f  (per round: median %.2f, %.2f-%.2f)%n",
                    names.get(k), m, base / m, median(perRound), perRound.stream().min(Double::compare).orElseThrow(),
                    perRound.stream().max(Double::compare).orElseThrow());
        }
        spark.stop();
    }

    /** A rating from the row id's hash on min..max, null one time in ten, off the scale one time in fifty. */
    private static Column rating(Column id, int seed, int min, int max) {
        Column h = pmod(hash(id, lit(seed)), lit(1000));
        return when(h.lt(100), lit(null).cast("int"))
                .when(h.lt(120), lit(max + 1))
                .otherwise(pmod(hash(id, lit(seed + 100)), lit(max - min + 1)).plus(min).cast("int"));
    }

    private static List<String> counts(String column, int min, int max) {
        List<String> sums = new ArrayList<>();
        for (int r = min; r <= max; r++) {
            sums.add("sum(CASE WHEN " + column + " = " + r + " THEN 1 ELSE 0 END) AS " + column + "_" + r);
        }
        sums.add("sum(CASE WHEN " + column + " < " + min + " OR " + column + " > " + max + " THEN 1 ELSE 0 END) AS "
                + column + "_invalid");
        return sums;
    }

    /** The three agree on every count of every plan. */
    private static void check(List<List<Row>> results) {
        Comparator<Row> byPlan = Comparator.comparing(r -> r.getString(0));
        List<Row> baseline = results.get(0).stream().sorted(byPlan).toList();
        List<Row> columns = results.get(1).stream().sorted(byPlan).toList();
        List<Row> udafs = results.get(2).stream().sorted(byPlan).toList();
        if (!columns.equals(udafs)) {
            throw new AssertionError("columns and udafs differ: " + columns + " vs " + udafs);
        }
        for (int g = 0; g < baseline.size(); g++) {
            Row b = baseline.get(g);
            Row ours = columns.get(g);
            long[] expected = {sum(b, 1, 11), b.getLong(12), sum(b, 13, 5), b.getLong(18), sum(b, 19, 7),
                b.getLong(26)};
            long[] actual = {ours.getStruct(1).getLong(0), ours.getStruct(1).<Long>getAs("invalid"),
                ours.getStruct(2).getLong(0), ours.getStruct(2).<Long>getAs("invalid"), ours.getStruct(3).getLong(0),
                ours.getStruct(3).<Long>getAs("invalid")};
            long promoters = b.getLong(10) + b.getLong(11);
            if (!Arrays.equals(expected, actual) || promoters != ours.getStruct(1).<Long>getAs("promoters")) {
                throw new AssertionError("counts differ for " + b.getString(0) + ": " + Arrays.toString(expected)
                        + " vs " + Arrays.toString(actual));
            }
        }
    }

    private static long sum(Row row, int from, int count) {
        long total = 0;
        for (int i = from; i < from + count; i++) {
            total += row.getLong(i);
        }
        return total;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
