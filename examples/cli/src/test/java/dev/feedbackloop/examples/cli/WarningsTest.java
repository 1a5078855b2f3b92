package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The warnings for answers that are probably not what the user meant: on standard error, after the results, never a
 * change of the numbers or of the exit code.
 */
final class WarningsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) {
        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        try {
            return MAPPER.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run.out(), e);
        }
    }

    /** A file with one column of the given ratings. */
    private Path ratings(String column, String... values) {
        return CliRun.write(dir, "ratings.csv", column + "\n" + String.join("\n", values) + "\n");
    }

    private static List<String> warnings(CliRun run) {
        return run.err().lines().filter(line -> line.contains(": warning: ")).toList();
    }

    @Nested
    final class Scale {

        @Test
        void npsColumnNeverAbove5_warnsThatItLooksLikeA1To5Scale() {
            Path file = ratings("stars", "1", "5", "4", "2");

            CliRun run = CliRun.run("score", file.toString(), "--nps", "stars", "--output", "json");

            assertThat(json(run).at("/overall/nps/score").asDouble()).isEqualTo(-100.0);
            assertThat(warnings(run)).containsExactly("feedbackloop score: warning: " + file + ": column \"stars\":"
                    + " no NPS rating is above 5 (4 ratings), so this looks like a 1-5 scale, not the 0-10 likelihood"
                    + " to recommend; NPS counts every answer of 0-6 as a detractor. For a 1-5 satisfaction rating"
                    + " use --csat stars");
        }

        @Test
        void npsColumnWithA6_isNotWarned() {
            CliRun run = CliRun.run("score", ratings("nps", "1", "6").toString(), "--nps", "nps");

            assertThat(run.code()).isZero();
            assertThat(run.err()).isEmpty();
        }

        @Test
        void csatScale10OnRatingsUpTo5_warnsAndSuggestsTheScale() {
            Path file = ratings("review_score", "1", "5", "3");

            CliRun run = CliRun.run("score", file.toString(), "--csat", "review_score", "--csat-scale", "10",
                    "--output", "json");

            assertThat(json(run).at("/overall/csat/score").asDouble()).isZero();
            assertThat(warnings(run)).containsExactly("feedbackloop score: warning: " + file + ": column"
                    + " \"review_score\": no CSAT rating is above 5 on the 1-10 scale (3 ratings); if the question"
                    + " was asked on a smaller scale, pass it, e.g. --csat-scale 5");
        }

        @ParameterizedTest(name = "CSAT 1-{0}, highest {1}: warned {2}")
        @CsvSource({"10,5,true", "10,6,false", "5,2,true", "5,3,false", "2,1,true", "11,5,true", "11,6,false"})
        void csatNeverAboveHalfTheScale_isWarned(int scale, int highest, boolean warned) {
            CliRun run = CliRun.run("score", ratings("c", "1", Integer.toString(highest)).toString(), "--csat", "c",
                    "--csat-scale", Integer.toString(scale));

            assertThat(run.code()).isZero();
            assertThat(warnings(run)).hasSize(warned ? 1 : 0);
        }

        @ParameterizedTest(name = "CES 1-7, highest {0}: warned {1}")
        @CsvSource({"3,true", "4,false"})
        void cesNeverAboveHalfTheScale_isWarned(int highest, boolean warned) {
            CliRun run = CliRun.run("score", ratings("effort", "1", Integer.toString(highest)).toString(), "--ces",
                    "effort");

            assertThat(run.code()).isZero();
            assertThat(warnings(run)).hasSize(warned ? 1 : 0);
            if (warned) {
                assertThat(warnings(run).get(0)).contains("no CES rating is above 3 on the 1-7 scale")
                        .endsWith("e.g. --ces-scale 3");
            }
        }

        @Test
        void loopOnA1To5NpsColumn_isWarnedToo() {
            Path file = CliRun.write(dir, "loop.csv", "stars,c,r\n1,2024-01-01,2024-01-02\n5,2024-01-01,\n");

            CliRun run = CliRun.run("loop", file.toString(), "--nps", "stars", "--created", "c", "--responded", "r");

            assertThat(run.code()).isZero();
            assertThat(warnings(run)).singleElement().asString().contains("no NPS rating is above 5 (2 ratings)");
        }
    }

    @Nested
    final class MissingMarkers {

        @Test
        void naAsTheMostCommonInvalidValue_namesTheNaOption() {
            Path file = ratings("overall_rating", "9", "NA", "7", "NA", "11", " NA ");

            CliRun run = CliRun.run("score", file.toString(), "--nps", "overall_rating", "--output", "json");

            JsonNode doc = json(run);
            assertThat(doc.at("/input/invalid").asLong()).isEqualTo(4);
            assertThat(doc.at("/overall/nps/n").asLong()).isEqualTo(2);
            assertThat(warnings(run)).containsExactly("feedbackloop score: warning: " + file + ": 3 invalid cells"
                    + " hold \"NA\" (first in column \"overall_rating\" on line 3), which looks like a marker of a"
                    + " missing answer; to read it as blank rather than invalid, pass --na NA");
        }

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"N/A|--na N/A", "null|--na null", "-|--na -",
            "None|--na None", "#N/A|--na #N/A", "NaN|--na NaN"})
        void otherMissingMarkers_areNamedAsWritten(String marker, String option) {
            CliRun run = CliRun.run("score", ratings("nps", "9", marker, marker).toString(), "--nps", "nps");

            assertThat(warnings(run)).singleElement().asString().contains("2 invalid cells hold \"" + marker + "\"")
                    .endsWith("pass " + option);
        }

        @Test
        void naAfterTheNaOption_isBlankAndNotWarned() {
            CliRun run = CliRun.run("score", ratings("nps", "9", "NA", "NA").toString(), "--nps", "nps", "--na", "NA",
                    "--output", "json");

            assertThat(json(run).at("/input/invalid").asLong()).isZero();
            assertThat(run.err()).isEmpty();
        }

        @Test
        void naThatIsNotTheMostCommonInvalidValue_isNotWarned() {
            CliRun run = CliRun.run("score", ratings("nps", "9", "NA", "11", "11").toString(), "--nps", "nps");

            assertThat(run.code()).isZero();
            assertThat(warnings(run)).isEmpty();
        }

        @Test
        void naInATimestampColumn_exits2NamingTheNaOption() {
            Path file = CliRun.write(dir, "dated.csv", "nps,date\n9,2024-01-01\n7,NA\n");

            CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--date", "date", "--period", "month");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).startsWith("feedbackloop score: " + file + ":3: column \"date\": value \"NA\": not a"
                    + " timestamp").endsWith("; if it marks a missing value, pass --na NA\n");
        }
    }

    @Nested
    final class PlaceholderDates {

        @Test
        void timestampsBefore1990_areCountedWithTheEarliest() {
            Path file = CliRun.write(dir, "dated.csv", "nps,date\n9,2015-08-02\n7,1970-01-01\n3,1970-01-01\n"
                    + "10,1989-12-31T23:59:59Z\n6,1990-01-01\n");

            CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--date", "date", "--period", "year",
                    "--output", "json");

            assertThat(json(run).at("/groups/0/period").asText()).isEqualTo("1970");
            assertThat(warnings(run)).containsExactly("feedbackloop score: warning: " + file + ": column \"date\": 3"
                    + " timestamps before 1990-01-01 (the earliest 1970-01-01T00:00:00Z), probably placeholders for"
                    + " an unknown date; they are counted as written");
        }

        @ParameterizedTest(name = "column {0}")
        @ValueSource(strings = {"created", "responded"})
        void loopTimestampsBefore1990_areCountedPerColumn(String column) {
            String early = "1970-01-01T00:00:00Z";
            Path file = CliRun.write(dir, "loop.csv", "nps,created,responded\n3,"
                    + ("created".equals(column) ? early : "2024-01-01") + "," + ("responded".equals(column) ? early
                    : "2024-01-02") + "\n9,2024-01-01,\n");

            CliRun run = CliRun.run("loop", file.toString(), "--nps", "nps", "--created", "created", "--responded",
                    "responded");

            assertThat(run.code()).isZero();
            assertThat(warnings(run)).singleElement().asString().contains("column \"" + column + "\": 1 timestamp"
                    + " before 1990-01-01");
        }

        @Test
        void noEarlyTimestamps_noWarning() {
            Path file = CliRun.write(dir, "dated.csv", "nps,date\n9,1990-01-01\n");

            CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--date", "date", "--period", "year");

            assertThat(run.code()).isZero();
            assertThat(run.err()).isEmpty();
        }
    }
}
