package dev.feedbackloop.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedbackloop.examples.cli.FeedbackLoopCommand;
import dev.feedbackloop.scoring.CesScore;
import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.CsatScore;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.Interval;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.NpsTally;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.internal.Cells;
import dev.feedbackloop.scoring.internal.TimestampParser;
import dev.feedbackloop.scoring.loop.DurationSummary;
import dev.feedbackloop.scoring.loop.LoopSummary;
import dev.feedbackloop.scoring.loop.LoopTally;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Scores the same generated export three ways — this module on Spark {@code local[2]}, the scoring module directly,
 * and the command line's JSON on the same CSV file — and requires the same groups in the same order, equal counts
 * and scores equal to 1e-9.
 */
final class ExactnessTest {

    private static final long SEED = 20_241_230L;
    private static final int ROWS = 6_000;
    private static final double TOLERANCE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static GeneratedExport export;
    private static Path csv;
    private static Dataset<Row> read;

    @BeforeAll
    static void export() throws IOException {
        System.out.println("ExactnessTest seed " + SEED);
        export = GeneratedExport.generate(SEED, ROWS);
        csv = export.write(dir.resolve("feedback.csv"));
        read = SharedSpark.session().read().option("header", "true").csv(csv.toString()).cache();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({
        "Pacific/Auckland, week, plan region",
        "America/New_York, month, plan",
        "UTC, day, region",
    })
    void score_sparkScoringAndCommandLine_agree(String zoneId, String periodName, String byColumns)
            throws IOException {
        ZoneId zone = ZoneId.of(zoneId);
        Period period = Period.parse(periodName);
        List<String> by = List.of(byColumns.split(" "));
        List<String> args = new ArrayList<>(List.of("score", csv.toString(), "--nps", "nps", "--csat", "csat",
                "--csat-scale", "7", "--ces", "ces", "--ces-scale", "5", "--date", "submitted_at", "--period",
                periodName, "--zone", zoneId, "--na", "NA", "--output", "json"));
        by.forEach(b -> args.addAll(List.of("--by", b)));
        JsonNode cli = JSON.readTree(cli(args));

        ScorecardQuery query = ScorecardQuery.of(read).nps("nps").csat("csat", 7).ces("ces", 5)
                .by(by.toArray(String[]::new)).period("submitted_at", period).zone(zone).naMarkers("NA");
        List<Row> sparkGroups = query.groups().collectAsList();
        Row sparkOverall = query.overall().first();
        Map<List<@Nullable Object>, Tallies> direct = scoreDirectly(by, period, zone);
        Tallies directOverall = new Tallies();
        direct.values().forEach(directOverall::merge);

        assertThat(direct.keySet()).as("the data has null segments and blank dates")
                .anyMatch(key -> key.get(0) == null).anyMatch(key -> key.get(by.size()) == null);
        if (period == Period.WEEK) {
            assertThat(direct.keySet())
                    .extracting(key -> key.get(by.size()) == null ? "" : period.label((Long) key.get(by.size())))
                    .as("ISO weeks across two new years").contains("2020-W53", "2021-W01", "2024-W52", "2025-W01");
        }
        forEachGroup(direct, cli, sparkGroups, (key, tallies, cliGroup, sparkGroup) -> {
            assertGroupKey(key, by, period, cliGroup, sparkGroup);
            assertScores(tallies, cliGroup, sparkGroup, by.size() + 1, key);
        });
        assertScores(directOverall, cli.get("overall"), sparkOverall, 0, List.of("overall"));
        long sparkInvalid = 0;
        for (int m = 0; m < 3; m++) {
            sparkInvalid += sparkOverall.getStruct(m).<Long>getAs("invalid");
        }
        assertThat(sparkInvalid).isEqualTo(directOverall.invalid).isEqualTo(cli.get("input").get("invalid").asLong())
                .isPositive();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({
        "Pacific/Auckland, week, PT36H",
        "Europe/Paris, month, PT48H",
    })
    void loop_sparkScoringAndCommandLine_agree(String zoneId, String periodName, String sla) throws IOException {
        ZoneId zone = ZoneId.of(zoneId);
        Period period = Period.parse(periodName);
        JsonNode cli = JSON.readTree(cli(List.of("loop", csv.toString(), "--csat", "csat", "--csat-scale", "7",
                "--created", "created_at", "--responded", "first_response_at", "--sla", sla, "--by", "plan",
                "--period", periodName, "--zone", zoneId, "--na", "NA", "--output", "json")));

        LoopQuery query = LoopQuery.of(read).csat("csat", 7).created("created_at").responded("first_response_at")
                .sla(Duration.parse(sla)).by("plan").period(period).zone(zone).naMarkers("NA");
        List<Row> sparkGroups = query.groups().collectAsList();
        Row sparkOverall = query.overall().first();
        Instant asOf = latestTime(zone);
        Map<List<@Nullable Object>, LoopTally> direct = loopDirectly(period, zone, Duration.parse(sla));
        LoopTally directOverall = LoopTally.of(Duration.parse(sla));
        direct.values().forEach(directOverall::merge);

        assertThat(query.resolvedAsOf()).isEqualTo(asOf);
        assertThat(Instant.parse(cli.get("asOf").asText())).isEqualTo(asOf);
        forEachGroup(direct, cli, sparkGroups, (key, tally, cliGroup, sparkGroup) -> {
            assertGroupKey(key, List.of("plan"), period, cliGroup, sparkGroup);
            assertLoop(tally.summary(asOf), cliGroup, sparkGroup, 2, key);
        });
        LoopSummary overall = directOverall.summary(asOf);
        assertThat(overall.needed()).isPositive();
        assertThat(overall.overdue()).isPositive();
        assertLoop(overall, cli.get("overall"), sparkOverall, 0, List.of("overall"));
    }

    private static String cli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new FeedbackLoopCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args.toArray(String[]::new));
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }

    // ---- the scoring module directly ----

    /** Three tallies and the invalid cells of one group. */
    private static final class Tallies {
        final NpsTally nps = new NpsTally();
        final CsatTally csat = CsatTally.of(7);
        final CesTally ces = CesTally.agreement(5);
        long invalid;

        void merge(Tallies other) {
            nps.merge(other.nps);
            csat.merge(other.csat);
            ces.merge(other.ces);
            invalid += other.invalid;
        }
    }

    private static final Comparator<List<@Nullable Object>> CLI_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1;
                }
                continue;
            }
            @SuppressWarnings("unchecked")
            int c = ((Comparable<Object>) x).compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static boolean blank(String cell) {
        return Cells.isBlank(cell) || Cells.trim(cell).equals("NA");
    }

    private static @Nullable String segment(String cell) {
        return blank(cell) ? null : cell;
    }

    /** The rating, null when blank, {@code Integer.MIN_VALUE} when invalid. */
    private static @Nullable Integer rating(String cell, int min, int max) {
        if (blank(cell)) {
            return null;
        }
        int value = Cells.parseInteger(cell);
        return value == Cells.NOT_AN_INTEGER || value < min || value > max ? Integer.MIN_VALUE : value;
    }

    private static int column(String name) {
        return GeneratedExport.HEADER.indexOf(name);
    }

    private Map<List<@Nullable Object>, Tallies> scoreDirectly(List<String> by, Period period, ZoneId zone) {
        TimestampParser timestamps = TimestampParser.of(zone);
        Map<List<@Nullable Object>, Tallies> groups = new TreeMap<>(CLI_ORDER);
        for (String[] row : export.rows) {
            List<@Nullable Object> key = new ArrayList<>();
            by.forEach(b -> key.add(segment(row[column(b)])));
            String date = row[column("submitted_at")];
            key.add(blank(date) ? null : period.bucket(timestamps.parse(date), zone));
            Tallies tallies = groups.computeIfAbsent(key, k -> new Tallies());
            Integer nps = rating(row[column("nps")], 0, 10);
            Integer csat = rating(row[column("csat")], 1, 7);
            Integer ces = rating(row[column("ces")], 1, 5);
            for (Integer r : Arrays.asList(nps, csat, ces)) {
                if (r != null && r == Integer.MIN_VALUE) {
                    tallies.invalid++;
                }
            }
            if (nps != null && nps != Integer.MIN_VALUE) {
                tallies.nps.add(nps);
            }
            if (csat != null && csat != Integer.MIN_VALUE) {
                tallies.csat.add(csat);
            }
            if (ces != null && ces != Integer.MIN_VALUE) {
                tallies.ces.add(ces);
            }
        }
        return groups;
    }

    private Instant latestTime(ZoneId zone) {
        TimestampParser timestamps = TimestampParser.of(zone);
        Instant latest = Instant.EPOCH;
        for (String[] row : export.rows) {
            for (String cell : List.of(row[column("created_at")], row[column("first_response_at")])) {
                if (!blank(cell) && timestamps.parse(cell).toEpochMilli() > latest.toEpochMilli()) {
                    latest = Instant.ofEpochMilli(timestamps.parse(cell).toEpochMilli());
                }
            }
        }
        return latest;
    }

    private Map<List<@Nullable Object>, LoopTally> loopDirectly(Period period, ZoneId zone, Duration sla) {
        TimestampParser timestamps = TimestampParser.of(zone);
        Map<List<@Nullable Object>, LoopTally> groups = new TreeMap<>(CLI_ORDER);
        for (String[] row : export.rows) {
            Integer csat = rating(row[column("csat")], 1, 7);
            String createdCell = row[column("created_at")];
            String respondedCell = row[column("first_response_at")];
            if (csat != null && csat == Integer.MIN_VALUE || blank(createdCell)) {
                continue;
            }
            Instant created = timestamps.parse(createdCell);
            Instant responded = blank(respondedCell) ? null : timestamps.parse(respondedCell);
            if (responded != null && responded.isBefore(created)) {
                continue;
            }
            List<@Nullable Object> key = new ArrayList<>();
            key.add(segment(row[column("plan")]));
            key.add(period.bucket(created, zone));
            LoopTally tally = groups.computeIfAbsent(key, k -> LoopTally.of(sla));
            if (csat != null && csat <= 2) {
                tally.add(created, responded);
            }
        }
        return groups;
    }

    // ---- comparisons ----

    /** Checks one group of the three results, in the command line's order. */
    @FunctionalInterface
    private interface GroupCheck<T> {
        void check(List<@Nullable Object> key, T direct, JsonNode cli, Row spark);
    }

    /** The three have the same number of groups; checks each, walking them in order. */
    private static <T> void forEachGroup(Map<List<@Nullable Object>, T> direct, JsonNode cli, List<Row> spark,
            GroupCheck<T> check) {
        assertThat(cli.get("groups")).hasSize(direct.size());
        assertThat(spark).hasSize(direct.size());
        int i = 0;
        for (Map.Entry<List<@Nullable Object>, T> group : direct.entrySet()) {
            check.check(group.getKey(), group.getValue(), cli.get("groups").get(i), spark.get(i));
            i++;
        }
    }

    /** The group's segment values and period label, in the command line's JSON and in Spark's row. */
    private static void assertGroupKey(List<@Nullable Object> key, List<String> by, Period period, JsonNode cli,
            Row spark) {
        for (int s = 0; s < by.size(); s++) {
            JsonNode value = cli.get("segment").get(by.get(s));
            assertThat(value.isNull() ? null : value.asText()).as("segment %s", key).isEqualTo(key.get(s));
            assertThat(spark.getString(s)).as("segment %s", key).isEqualTo(key.get(s));
        }
        Long bucket = (Long) key.get(by.size());
        String label = bucket == null ? null : period.label(bucket);
        JsonNode cliPeriod = cli.get("period");
        assertThat(cliPeriod.isNull() ? null : cliPeriod.asText()).as("period of %s", key).isEqualTo(label);
        assertThat(spark.getString(by.size())).as("period of %s", key).isEqualTo(label);
    }

    private static void assertScores(Tallies expected, JsonNode cli, Row spark, int firstMetric, Object key) {
        NpsScore nps = expected.nps.score();
        assertCommon(nps.n(), nps.score(), nps.ci(), cli.get("nps"), spark.getStruct(firstMetric), key + " nps");
        if (nps.n() > 0) {
            assertCount(nps.promoters(), "promoters", cli.get("nps"), spark.getStruct(firstMetric), key);
            assertCount(nps.passives(), "passives", cli.get("nps"), spark.getStruct(firstMetric), key);
            assertCount(nps.detractors(), "detractors", cli.get("nps"), spark.getStruct(firstMetric), key);
            assertNumber(nps.standardError(), "standardError", cli.get("nps"), spark.getStruct(firstMetric), key);
        }
        CsatScore csat = expected.csat.score();
        Row sparkCsat = spark.getStruct(firstMetric + 1);
        assertCommon(csat.n(), csat.score(), csat.ci(), cli.get("csat"), sparkCsat, key + " csat");
        if (csat.n() > 0) {
            assertCount(csat.satisfied(), "satisfied", cli.get("csat"), sparkCsat, key);
            assertNumber(csat.mean(), "mean", cli.get("csat"), sparkCsat, key);
        }
        CesScore ces = expected.ces.score();
        Row sparkCes = spark.getStruct(firstMetric + 2);
        assertCommon(ces.n(), ces.score(), ces.ci(), cli.get("ces"), sparkCes, key + " ces");
        if (ces.n() > 0) {
            assertCount(ces.agree(), "agree", cli.get("ces"), sparkCes, key);
            assertNumber(ces.mean(), "mean", cli.get("ces"), sparkCes, key);
        }
    }

    private static void assertCommon(long n, double score, Interval ci, JsonNode cli, Row spark, Object key) {
        assertThat(cli.get("n").asLong()).as("n of %s", key).isEqualTo(n);
        assertThat(spark.<Long>getAs("n")).as("n of %s", key).isEqualTo(n);
        if (n == 0) {
            assertThat(cli.size()).as("fields of %s", key).isEqualTo(1);
            assertThat(spark.isNullAt(spark.fieldIndex("score"))).isTrue();
            return;
        }
        assertNumber(score, "score", cli, spark, key);
        Row sparkCi = spark.getAs("ci95");
        assertThat(cli.get("ci95").get(0).asDouble()).as("ci95 of %s", key).isCloseTo(ci.lower(), within(TOLERANCE));
        assertThat(cli.get("ci95").get(1).asDouble()).as("ci95 of %s", key).isCloseTo(ci.upper(), within(TOLERANCE));
        assertThat(sparkCi.getDouble(0)).as("ci95 of %s", key).isCloseTo(ci.lower(), within(TOLERANCE));
        assertThat(sparkCi.getDouble(1)).as("ci95 of %s", key).isCloseTo(ci.upper(), within(TOLERANCE));
    }

    private static void assertCount(long expected, String field, JsonNode cli, Row spark, Object key) {
        assertThat(cli.get(field).asLong()).as("%s of %s", field, key).isEqualTo(expected);
        assertThat(spark.<Long>getAs(field)).as("%s of %s", field, key).isEqualTo(expected);
    }

    private static void assertNumber(double expected, String field, JsonNode cli, Row spark, Object key) {
        assertThat(cli.get(field).asDouble()).as("%s of %s", field, key).isCloseTo(expected, within(TOLERANCE));
        assertThat(spark.<Double>getAs(field)).as("%s of %s", field, key).isCloseTo(expected, within(TOLERANCE));
    }

    private static void assertLoop(LoopSummary expected, JsonNode cli, Row spark, int first, Object key) {
        String[] counts = {"triggered", "responded", "respondedWithinSla", "unresponded", "overdue"};
        long[] values = {expected.needed(), expected.contacted(), expected.contactedWithinDeadline(),
            expected.notContacted(), expected.overdue()};
        for (int c = 0; c < counts.length; c++) {
            assertThat(cli.get(counts[c]).asLong()).as("%s of %s", counts[c], key).isEqualTo(values[c]);
            assertThat(spark.getLong(first + c)).as("%s of %s", counts[c], key).isEqualTo(values[c]);
        }
        assertNumber(expected.contactedPercent(), "responseRate", cli, spark, key);
        assertNumber(expected.withinDeadlinePercent(), "slaRate", cli, spark, key);
        DurationSummary hours = expected.timeToContact();
        Row sparkHours = spark.getAs("timeToRespondHours");
        if (hours == null) {
            assertThat(cli.has("timeToRespondHours")).as("timeToRespondHours of %s", key).isFalse();
            assertThat(sparkHours).as("timeToRespondHours of %s", key).isNull();
            return;
        }
        JsonNode cliHours = cli.get("timeToRespondHours");
        double[] expectedHours = {hours.meanHours(), hours.medianHours(), hours.p90Hours()};
        String[] names = {"mean", "median", "p90"};
        for (int h = 0; h < names.length; h++) {
            assertThat(cliHours.get(names[h]).asDouble()).as("%s of %s", names[h], key)
                    .isCloseTo(expectedHours[h], within(TOLERANCE));
            assertThat(sparkHours.<Double>getAs(names[h])).as("%s of %s", names[h], key)
                    .isCloseTo(expectedHours[h], within(TOLERANCE));
        }
    }
}
