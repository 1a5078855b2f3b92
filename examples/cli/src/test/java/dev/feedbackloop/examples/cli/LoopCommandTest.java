package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LoopCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Ten hand-made rows (file lines 2..11), SLA 48h, NPS trigger ≤ 6:
     * 1 triggered, responded after 10h (within SLA); 2 triggered, responded after 60h (late);
     * 3 rating 9, not triggered; 4 triggered, unresponded, created 06-02: overdue as of 06-05 (06-02 + 48h < 06-05);
     * 5 rating 11: invalid (nps); 6 blank created: invalid (created), but its responded time 06-05 is the latest
     * timestamp of the file, hence the default as-of; 7 responded before created: invalid (responded);
     * 8 triggered, unresponded, created 06-04T12: 06-06T12 is after 06-05, not overdue; 9 blank rating, valid,
     * not triggered; 10 invalid rating and blank created: one error, on the rating.
     */
    private static final String GOLDEN = "id,nps,created,responded,team\n"
            + "1,3,2024-06-01T00:00:00Z,2024-06-01T10:00:00Z,a\n"
            + "2,6,2024-06-01T00:00:00Z,2024-06-03T12:00:00Z,a\n"
            + "3,9,2024-06-01T00:00:00Z,,b\n"
            + "4,0,2024-06-02T00:00:00Z,,b\n"
            + "5,11,2024-06-02T00:00:00Z,,b\n"
            + "6,5,,2024-06-05T00:00:00Z,a\n"
            + "7,2,2024-06-04T00:00:00Z,2024-06-03T00:00:00Z,b\n"
            + "8,4,2024-06-04 12:00,,a\n"
            + "9,,2024-06-04T00:00:00Z,,a\n"
            + "10,abc,,,a\n";

    @TempDir
    Path dir;

    private JsonNode loop(String... options) {
        Path file = CliRun.write(dir, "loop.csv", GOLDEN);
        List<String> args = new ArrayList<>(List.of("loop", file.toString(), "--nps", "nps", "--created", "created",
                "--responded", "responded", "--output", "json"));
        args.addAll(List.of(options));
        CliRun run = CliRun.run(args.toArray(new String[0]));
        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        try {
            return MAPPER.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError(run.out(), e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void golden_overall_matchesHandCalculation() {
        JsonNode doc = loop();
        assertThat(fieldNames(doc)).containsExactly("input", "asOf", "sla", "overall");
        assertThat(doc.at("/input/rows").asLong()).isEqualTo(10);
        assertThat(doc.at("/input/invalid").asLong()).isEqualTo(4);
        List<String> errors = new ArrayList<>();
        doc.at("/input/errors").forEach(e -> errors.add(e.get("line").asLong() + ":" + e.get("column").asText()));
        assertThat(errors).containsExactly("6:nps", "7:created", "8:responded", "11:nps");
        assertThat(doc.get("asOf").asText()).isEqualTo("2024-06-05T00:00:00Z");
        assertThat(doc.get("sla").asText()).isEqualTo("PT48H");
        JsonNode o = doc.get("overall");
        assertThat(fieldNames(o)).containsExactly("triggered", "responded", "respondedWithinSla", "unresponded",
                "overdue", "responseRate", "slaRate", "timeToRespondHours");
        // triggered rows 1, 2, 4, 8 = 4; responded 1, 2 = 2 (50%); within SLA row 1 = 1 (25%); overdue row 4 = 1.
        assertThat(o.get("triggered").asLong()).isEqualTo(4);
        assertThat(o.get("responded").asLong()).isEqualTo(2);
        assertThat(o.get("respondedWithinSla").asLong()).isEqualTo(1);
        assertThat(o.get("unresponded").asLong()).isEqualTo(2);
        assertThat(o.get("overdue").asLong()).isEqualTo(1);
        assertThat(o.get("responseRate").asDouble()).isEqualTo(50.0);
        assertThat(o.get("slaRate").asDouble()).isEqualTo(25.0);
        // times 10h and 60h: mean 35; median rank ⌈0.5·2⌉ = 1 -> 10; p90 rank ⌈0.9·2⌉ = 2 -> 60.
        assertThat(o.at("/timeToRespondHours/mean").asDouble()).isEqualTo(35.0);
        assertThat(o.at("/timeToRespondHours/median").asDouble()).isEqualTo(10.0);
        assertThat(o.at("/timeToRespondHours/p90").asDouble()).isEqualTo(60.0);
    }

    @Test
    void golden_groups_byTeam() {
        JsonNode groups = loop("--by", "team").get("groups");
        assertThat(groups).hasSize(2);
        JsonNode a = groups.get(0);
        assertThat(a.at("/segment/team").asText()).isEqualTo("a");
        // team a: rows 1, 2, 8 triggered; 2 responded (200/3 %), 1 within SLA (100/3 %), none overdue.
        assertThat(a.get("triggered").asLong()).isEqualTo(3);
        assertThat(a.get("responseRate").asDouble()).isEqualTo(200.0 / 3);
        assertThat(a.get("slaRate").asDouble()).isEqualTo(100.0 / 3);
        assertThat(a.get("overdue").asLong()).isZero();
        // team b: row 4 only, unresponded and overdue; no time to respond.
        JsonNode b = groups.get(1);
        assertThat(b.get("triggered").asLong()).isEqualTo(1);
        assertThat(b.get("overdue").asLong()).isEqualTo(1);
        assertThat(b.get("responseRate").asDouble()).isZero();
        assertThat(b.has("timeToRespondHours")).isFalse();
    }

    @Test
    void asOf_explicit_changesOverdue() {
        // As of 06-10 row 8 (06-04T12 + 48h = 06-06T12) is overdue too.
        JsonNode doc = loop("--as-of", "2024-06-10");
        assertThat(doc.get("asOf").asText()).isEqualTo("2024-06-10T00:00:00Z");
        assertThat(doc.at("/overall/overdue").asLong()).isEqualTo(2);
    }

    @Test
    void sla_andTrigger_areApplied() {
        // SLA 2d = 48h: same; SLA 90m: row 1 (10h) is late too. Trigger ≤ 3: rows 1 and 4 only.
        assertThat(loop("--sla", "90m").at("/overall/respondedWithinSla").asLong()).isZero();
        assertThat(loop("--sla", "PT2H").get("sla").asText()).isEqualTo("PT2H");
        assertThat(loop("--trigger-at-most", "3").at("/overall/triggered").asLong()).isEqualTo(2);
    }

    @Test
    void periods_bucketCreated() {
        JsonNode groups = loop("--period", "day").get("groups");
        List<String> periods = new ArrayList<>();
        groups.forEach(g -> periods.add(g.get("period").asText()));
        assertThat(periods).containsExactly("2024-06-01", "2024-06-02", "2024-06-04");
        assertThat(fieldNames(groups.get(0))).startsWith("period", "triggered");
    }

    @Test
    void noTriggeredRows_countsAndRatesAreZero() {
        Path file = CliRun.write(dir, "calm.csv", "csat,c,r\n5,2024-01-01,\n4,2024-01-02,2024-01-02\n");
        CliRun run = CliRun.run("loop", file.toString(), "--csat", "csat", "--created", "c", "--responded", "r",
                "--output", "json");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"triggered\" : 0").contains("\"responseRate\" : 0.0")
                .doesNotContain("timeToRespondHours");
    }

    @Test
    void strict_exits2() {
        Path file = CliRun.write(dir, "loop.csv", GOLDEN);
        CliRun run = CliRun.run("loop", file.toString(), "--nps", "nps", "--created", "created", "--responded",
                "responded", "--strict");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("loop.csv:6");
    }

    @Test
    void usageErrors_exit2() {
        Path file = CliRun.write(dir, "loop.csv", GOLDEN);
        String f = file.toString();
        assertThat(CliRun.run("loop", f, "--created", "created", "--responded", "responded").code()).isEqualTo(2);
        assertThat(CliRun.run("loop", f, "--nps", "nps", "--csat", "nps", "--created", "created", "--responded",
                "responded").code()).isEqualTo(2);
        assertThat(CliRun.run("loop", f, "--nps", "nps", "--responded", "responded").code()).isEqualTo(2);
        assertThat(CliRun.run("loop", f, "--nps", "nps", "--created", "created", "--responded", "responded",
                "--as-of", "tomorrow").code()).isEqualTo(2);
        assertThat(CliRun.run("loop", f, "--nps", "nps", "--created", "created", "--responded", "responded",
                "--sla", "soon").code()).isEqualTo(2);
        assertThat(CliRun.run("loop", f, "--nps", "nps", "--created", "created", "--responded", "responded",
                "--trigger-at-most", "11").code()).isEqualTo(2);
        CliRun badTime = CliRun.run("loop", CliRun.write(dir, "t.csv", "n,c,r\n3,2024-01-01,later\n").toString(),
                "--nps", "n", "--created", "c", "--responded", "r");
        assertThat(badTime.code()).isEqualTo(2);
        assertThat(badTime.err()).contains("t.csv:2").contains("\"r\"").contains("\"later\"");
    }

    @Test
    void table_isPrinted() {
        Path file = CliRun.write(dir, "loop.csv", GOLDEN);
        CliRun run = CliRun.run("loop", file.toString(), "--nps", "nps", "--created", "created", "--responded",
                "responded", "--by", "team");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("triggered").contains("overdue").contains("all rows")
                .contains("4 invalid cells");
    }
}
