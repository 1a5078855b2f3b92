package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --output table|json|csv|markdown}: the same numbers in each, and only the results on standard output. */
final class OutputFormatsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Plan pro: NPS 10, 9, 9, 8 (score 75, interval 75 ± 42.4 clipped to [32.6, 100.0]); plan free: 3, 0; a blank
     * plan: 9; one invalid NPS cell (11). CSAT 1-5, CES 1-7.
     */
    private static final String EXPORT = "id,nps,csat,ces,plan,date\n"
            + "1,10,5,7,pro,2024-03-05\n"
            + "2,9,4,6,pro,2024-03-20\n"
            + "3,9,5,7,pro,2024-04-01\n"
            + "4,8,4,5,pro,2024-04-02\n"
            + "5,3,2,2,free,2024-03-31\n"
            + "6,0,1,,free,2024-04-01\n"
            + "7,9,,,,2024-04-03\n"
            + "8,11,3,4,free,2024-04-04\n";

    @TempDir
    Path dir;

    private CliRun score(String output, String... more) {
        Path file = CliRun.write(dir, "export.csv", EXPORT);
        List<String> args = new ArrayList<>(List.of("score", file.toString(), "--nps", "nps", "--csat", "csat",
                "--ces", "ces", "--by", "plan", "--output", output));
        args.addAll(List.of(more));
        CliRun run = CliRun.run(args.toArray(new String[0]));
        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        return run;
    }

    private JsonNode json() {
        try {
            return MAPPER.readTree(score("json").out());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String rounded(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    @Test
    void table_writesIntervalsAsLowHigh_neverPlusMinus() {
        JsonNode pro = json().get("groups").get(1);
        String out = score("table").out();

        assertThat(pro.at("/segment/plan").asText()).isEqualTo("pro");
        assertThat(out).doesNotContain("±").contains("NPS 95% CI").contains("CSAT 95% CI").contains("CES 95% CI");
        String proLine = out.lines().filter(line -> line.startsWith("pro ")).findFirst().orElseThrow();
        assertThat(proLine).contains("[32.6, 100.0]")
                .contains("[" + rounded(pro.at("/nps/ci95/0").asDouble(), 1) + ", "
                        + rounded(pro.at("/nps/ci95/1").asDouble(), 1) + "]")
                .contains("[" + rounded(pro.at("/csat/ci95/0").asDouble(), 1) + ", "
                        + rounded(pro.at("/csat/ci95/1").asDouble(), 1) + "]")
                .contains("[" + rounded(pro.at("/ces/ci95/0").asDouble(), 2) + ", "
                        + rounded(pro.at("/ces/ci95/1").asDouble(), 2) + "]");
    }

    @Test
    void table_legendNamesOnlyTheScoresAskedFor() {
        Path file = CliRun.write(dir, "export.csv", EXPORT);

        CliRun run = CliRun.run("score", file.toString(), "--nps", "nps");

        assertThat(run.out()).contains("NPS = % promoters").doesNotContain("CSAT %").doesNotContain("CES mean");
    }

    @ParameterizedTest(name = "--output {0}")
    @ValueSource(strings = {"table", "markdown", "csv"})
    void invalidCells_goToStandardErrorOnly(String output) {
        CliRun run = score(output);

        assertThat(run.out()).doesNotContain("value \"11\"").doesNotContain("left out");
        assertThat(run.err()).contains("1 invalid cell was left out:")
                .contains("export.csv:9: column \"nps\": value \"11\": not an NPS rating, expected an integer 0..10");
    }

    @Test
    void json_keepsInvalidCellsInTheDocument() {
        CliRun run = score("json");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("\"value\" : \"11\"");
    }

    @Test
    void markdown_isTheTableAsAMarkdownTable() {
        String out = score("markdown").out();

        assertThat(out).contains("| plan | NPS n | NPS | NPS 95% CI | CSAT n | CSAT % | CSAT 95% CI | CES n | CES mean"
                + " | CES 95% CI | agree % |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        assertThat(out).contains("| pro | 4 | +75.0* | [32.6, 100.0] |").contains("| (blank) | 1 |")
                .contains("| all rows | 7 |").doesNotContain("±");
    }

    @Test
    void markdown_escapesBarsInValues() {
        Path file = CliRun.write(dir, "bars.csv", "nps,plan\n9,a|b\n");

        CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--by", "plan", "--output", "markdown");

        assertThat(run.out()).contains("| a\\|b | 1 |");
    }

    @Test
    void csv_hasOneRowPerGroupAndOneForAll_withTheJsonNumbersUnrounded() {
        JsonNode doc = json();
        List<String> lines = score("csv").out().lines().toList();

        assertThat(lines.get(0)).isEqualTo("scope,plan,nps_n,nps_promoters,nps_passives,nps_detractors,nps_score,"
                + "nps_standard_error,nps_ci95_low,nps_ci95_high,csat_n,csat_satisfied,csat_score,csat_mean,"
                + "csat_ci95_low,csat_ci95_high,ces_n,ces_agree,ces_score,ces_mean,ces_ci95_low,ces_ci95_high");
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(1, 5)).extracting(line -> line.split(",", -1)[0] + ":" + line.split(",", -1)[1])
                .containsExactly("group:free", "group:pro", "group:", "all:");
        List<String> pro = Arrays.asList(lines.get(2).split(",", -1));
        JsonNode group = doc.get("groups").get(1);
        assertThat(pro.subList(2, 10)).containsExactly(group.at("/nps/n").asText(),
                group.at("/nps/promoters").asText(), group.at("/nps/passives").asText(),
                group.at("/nps/detractors").asText(), group.at("/nps/score").asText(),
                group.at("/nps/standardError").asText(), group.at("/nps/ci95/0").asText(),
                group.at("/nps/ci95/1").asText());
        assertThat(Double.parseDouble(pro.get(14))).isEqualTo(group.at("/csat/ci95/0").asDouble());
        assertThat(Double.parseDouble(pro.get(21))).isEqualTo(group.at("/ces/ci95/1").asDouble());
        List<String> all = Arrays.asList(lines.get(4).split(",", -1));
        assertThat(all.get(2)).isEqualTo(doc.at("/overall/nps/n").asText());
    }

    @Test
    void csv_metricWithNoAnswers_hasBlankCellsAfterItsN() {
        List<String> lines = score("csv").out().lines().toList();

        // The blank plan has an NPS answer but no CSAT or CES answer.
        assertThat(lines.get(3)).endsWith(",0,,,,,,0,,,,,");
    }

    @Test
    void csv_withPeriod_hasAPeriodColumnAndQuotesOnlyWhatNeedsIt() {
        Path file = CliRun.write(dir, "export.csv", "nps,plan,date\n9,\"free, trial\",2024-01-05\n3,pro,\n");

        CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--by", "plan", "--date", "date",
                "--period", "month", "--output", "csv");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("scope,plan,period,nps_n,");
        assertThat(lines.get(1)).startsWith("group,\"free, trial\",2024-01,1,1,0,0,100.0,");
        assertThat(lines.get(2)).startsWith("group,pro,,1,0,0,1,-100.0,");
        assertThat(lines.get(3)).startsWith("all,,,2,1,0,1,0.0,");
    }

    @Test
    void csv_neutralisesFormulaLikeValues() {
        Path file = CliRun.write(dir, "evil.csv", "nps,plan\n9,=HYPERLINK(\"http://x\")\n3,@SUM(A1)\n");

        CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--by", "plan", "--output", "csv");

        assertThat(run.out()).contains("group,\"'=HYPERLINK(\"\"http://x\"\")\",")
                .contains("group,'@SUM(A1),").doesNotContain("\n=").doesNotContain(",=").doesNotContain(",@");
    }

    @Test
    void csv_headlineGoesToStandardError() {
        CliRun run = score("csv");

        assertThat(run.err()).startsWith(dir.resolve("export.csv") + ": 8 rows, 1 invalid cell\n");
        assertThat(run.out()).startsWith("scope,");
    }

    @Test
    void loopCsv_hasItsFlatColumns() {
        Path file = CliRun.write(dir, "loop.csv", "csat,c,r,team\n1,2024-01-01,2024-01-01T10:00:00Z,a\n"
                + "2,2024-01-01,,b\n5,2024-01-02,,a\n");

        CliRun run = CliRun.run("loop", file.toString(), "--csat", "csat", "--created", "c", "--responded", "r",
                "--by", "team", "--output", "csv");

        assertThat(run.out()).isEqualTo("scope,team,triggered,responded,responded_within_sla,unresponded,overdue,"
                + "response_rate,sla_rate,time_to_respond_hours_mean,time_to_respond_hours_median,"
                + "time_to_respond_hours_p90\n"
                + "group,a,1,1,1,0,0,100.0,100.0,10.0,10.0,10.0\n"
                + "group,b,1,0,0,1,0,0.0,0.0,,,\n"
                + "all,,2,1,1,1,0,50.0,50.0,10.0,10.0,10.0\n");
    }
}
