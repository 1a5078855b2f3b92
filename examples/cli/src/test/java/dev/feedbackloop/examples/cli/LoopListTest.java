package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loop --list overdue|unresponded --id COL}: the rows behind the counts, in every output. */
final class LoopListTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * SLA 48h, NPS trigger at most 6, as-of the latest timestamp 2024-06-10 (T6's response). Overdue: T1 (deadline
     * 06-03, 168 h late), T2 and the row without an id (deadline 06-07, 72 h late; the tie goes by line). T4 is
     * unresponded but due 06-11T12 (-36 h). T3 is not triggered, T6 was answered.
     */
    private static final String TICKETS = "ticket,nps,created,responded,team\n"
            + "T1,3,2024-06-01T00:00:00Z,,a\n"
            + "T2,2,2024-06-05T00:00:00Z,,b\n"
            + "T3,9,2024-06-01T00:00:00Z,,a\n"
            + "T4,0,2024-06-09T12:00:00Z,,a\n"
            + ",5,2024-06-05T00:00:00Z,,b\n"
            + "T6,1,2024-06-02T00:00:00Z,2024-06-10T00:00:00Z,a\n";

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeTickets() {
        file = CliRun.write(dir, "tickets.csv", TICKETS);
    }

    private CliRun loop(String... options) {
        List<String> args = new ArrayList<>(List.of("loop", file.toString(), "--nps", "nps", "--created", "created",
                "--responded", "responded"));
        args.addAll(List.of(options));
        return CliRun.run(args.toArray(new String[0]));
    }

    private JsonNode items(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--output", "json"));
        CliRun run = loop(args.toArray(new String[0]));
        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        try {
            return MAPPER.readTree(run.out()).get("items");
        } catch (IOException e) {
            throw new AssertionError(run.out(), e);
        }
    }

    private static List<String> summary(JsonNode items) {
        List<String> rows = new ArrayList<>();
        items.forEach(item -> rows.add(item.get("line").asLong() + " " + item.get("id").asText("null") + " "
                + item.get("created").asText() + " " + item.get("overdueHours").asDouble()));
        return rows;
    }

    @Test
    void overdue_json_mostOverdueFirstThenByLine() {
        JsonNode items = items("--list", "overdue", "--id", "ticket");

        assertThat(summary(items)).containsExactly(
                "2 T1 2024-06-01T00:00:00Z 168.0",
                "3 T2 2024-06-05T00:00:00Z 72.0",
                "6 null 2024-06-05T00:00:00Z 72.0");
        assertThat(items.get(2).get("id").isNull()).isTrue();
        List<String> fields = new ArrayList<>();
        items.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("line", "id", "created", "overdueHours");
    }

    @Test
    void unresponded_json_oldestFirstWithNotYetDueRows() {
        assertThat(summary(items("--list", "unresponded", "--id", "ticket"))).containsExactly(
                "2 T1 2024-06-01T00:00:00Z 168.0",
                "3 T2 2024-06-05T00:00:00Z 72.0",
                "6 null 2024-06-05T00:00:00Z 72.0",
                "5 T4 2024-06-09T12:00:00Z -36.0");
    }

    @Test
    void withoutId_itemsHaveNullIds() {
        assertThat(summary(items("--list", "overdue"))).containsExactly(
                "2 null 2024-06-01T00:00:00Z 168.0",
                "3 null 2024-06-05T00:00:00Z 72.0",
                "6 null 2024-06-05T00:00:00Z 72.0");
    }

    @Test
    void segmentAndPeriod_arePresentWithByAndPeriod() {
        JsonNode items = items("--list", "overdue", "--id", "ticket", "--by", "team", "--period", "week");

        assertThat(items.get(0).at("/segment/team").asText()).isEqualTo("a");
        assertThat(items.get(0).get("period").asText()).isEqualTo("2024-W22");
        assertThat(items.get(1).at("/segment/team").asText()).isEqualTo("b");
    }

    @Test
    void explicitAsOf_decidesWhatIsOverdue() {
        assertThat(summary(items("--list", "overdue", "--id", "ticket", "--as-of", "2024-06-06"))).containsExactly(
                "2 T1 2024-06-01T00:00:00Z 72.0");
    }

    @Test
    void overdueCount_equalsTheNumberOfItems() throws IOException {
        CliRun run = loop("--list", "overdue", "--by", "team", "--output", "json");
        JsonNode doc = MAPPER.readTree(run.out());

        assertThat(doc.at("/overall/overdue").asLong()).isEqualTo(doc.get("items").size()).isEqualTo(3);
    }

    @Test
    void table_listsTheRowsAfterTheSummary() {
        CliRun run = loop("--list", "overdue", "--id", "ticket", "--by", "team");

        assertThat(run.code()).isZero();
        String out = run.out();
        assertThat(out.indexOf("all rows")).isLessThan(out.indexOf("overdue: 3 rows"));
        assertThat(out.substring(out.indexOf("overdue: 3 rows"))).isEqualTo(
                "overdue: 3 rows (triggered, no response, created + SLA before the as-of time), most overdue first\n"
                        + "\n"
                        + "ticket   created               team  line  overdue h\n"
                        + "T1       2024-06-01T00:00:00Z  a        2      168.0\n"
                        + "T2       2024-06-05T00:00:00Z  b        3       72.0\n"
                        + "(blank)  2024-06-05T00:00:00Z  b        6       72.0\n");
    }

    @Test
    void markdown_listsTheRowsAsASecondTable() {
        CliRun run = loop("--list", "unresponded", "--id", "ticket", "--output", "markdown");

        assertThat(run.code()).isZero();
        assertThat(run.out()).endsWith("unresponded: 4 rows (triggered, no response), oldest first\n"
                + "\n"
                + "| ticket | created | line | overdue h |\n"
                + "| --- | --- | ---: | ---: |\n"
                + "| T1 | 2024-06-01T00:00:00Z | 2 | 168.0 |\n"
                + "| T2 | 2024-06-05T00:00:00Z | 3 | 72.0 |\n"
                + "| (blank) | 2024-06-05T00:00:00Z | 6 | 72.0 |\n"
                + "| T4 | 2024-06-09T12:00:00Z | 5 | -36.0 |\n");
    }

    @Test
    void csv_listsTheRowsAsASecondCsvTableAfterABlankLine() {
        CliRun run = loop("--list", "overdue", "--id", "ticket", "--by", "team", "--output", "csv");

        assertThat(run.code()).isZero();
        String[] tables = run.out().split("\n\n");
        assertThat(tables).hasSize(2);
        assertThat(tables[1]).isEqualTo("line,id,created,team,overdue_hours\n"
                + "2,T1,2024-06-01T00:00:00Z,a,168.0\n"
                + "3,T2,2024-06-05T00:00:00Z,b,72.0\n"
                + "6,,2024-06-05T00:00:00Z,b,72.0\n");
    }

    @Test
    void nothingOverdue_saysSoWithoutATable() {
        CliRun run = loop("--list", "overdue", "--as-of", "2024-06-02");

        assertThat(run.code()).isZero();
        assertThat(run.out()).endsWith("overdue: 0 rows (triggered, no response, created + SLA before the as-of"
                + " time), most overdue first\n");
    }

    @Test
    void idWithoutList_exits2() {
        CliRun run = loop("--id", "ticket");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--id names the rows that --list lists");
    }

    @Test
    void unknownList_exits2() {
        CliRun run = loop("--list", "late");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("--list").contains("'late' is not a list, expected overdue or unresponded");
    }

    @Test
    void unknownIdColumn_exits2WithSuggestion() {
        CliRun run = loop("--list", "overdue", "--id", "Ticket");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("column \"Ticket\"").contains("(did you mean \"ticket\"?)");
    }
}
