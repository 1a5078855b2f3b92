package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScoreCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Five hand-made rows; the expected numbers in the golden test are worked out from them by hand. */
    private static final String GOLDEN = "id,nps,csat,ces,plan,date\n"
            + "1,10,5,7,pro,2024-03-05\n"
            + "2,9,4,6,pro,2024-03-20\n"
            + "3,7,3,5,free,2024-03-31\n"
            + "4,3,2,2,free,2024-04-01\n"
            + "5,0,1,1,pro,2024-04-02\n";

    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) {
        assertThat(run.code()).as("exit code, stderr: %s", run.err()).isZero();
        try {
            return MAPPER.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + run.out(), e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void golden_overall_matchesHandCalculation() {
        Path file = CliRun.write(dir, "golden.csv", GOLDEN);
        JsonNode doc = json(CliRun.run("score", file.toString(), "--nps", "nps", "--csat", "csat", "--ces", "ces",
                "--output", "json"));
        assertThat(fieldNames(doc)).containsExactly("input", "overall");
        assertThat(doc.at("/input/rows").asLong()).isEqualTo(5);
        assertThat(doc.at("/input/invalid").asLong()).isZero();
        JsonNode nps = doc.at("/overall/nps");
        assertThat(fieldNames(nps)).containsExactly(
                "n", "promoters", "passives", "detractors", "score", "standardError", "ci95");
        // promoters {10, 9} = 2, passives {7} = 1, detractors {3, 0} = 2; score = 100·(2 − 2)/5 = 0.
        // pP = pD = 0.4: SE = 100·√((0.4 + 0.4 − 0²)/5) = 100·√0.16 = 40; ci = 0 ± 1.959963984540054·40 = ±78.3986.
        assertThat(nps.get("n").asLong()).isEqualTo(5);
        assertThat(nps.get("promoters").asLong()).isEqualTo(2);
        assertThat(nps.get("passives").asLong()).isEqualTo(1);
        assertThat(nps.get("detractors").asLong()).isEqualTo(2);
        assertThat(nps.get("score").asDouble()).isEqualTo(0.0);
        assertThat(nps.get("standardError").asDouble()).isCloseTo(40.0, within(1e-9));
        assertThat(nps.get("ci95").get(0).asDouble()).isCloseTo(-78.39855938160216, within(1e-9));
        assertThat(nps.get("ci95").get(1).asDouble()).isCloseTo(78.39855938160216, within(1e-9));
        JsonNode csat = doc.at("/overall/csat");
        assertThat(fieldNames(csat)).containsExactly("n", "satisfied", "score", "mean", "ci95");
        // satisfied = {5, 4} = 2 of 5: score 40; mean (5+4+3+2+1)/5 = 3. Wilson at z, p = 0.4, n = 5:
        // centre (0.4 + z²/10)/(1 + z²/5), half-width z·√(0.24/5 + z²/100)/(1 + z²/5) -> [11.7621, 76.9276] %.
        assertThat(csat.get("satisfied").asLong()).isEqualTo(2);
        assertThat(csat.get("score").asDouble()).isEqualTo(40.0);
        assertThat(csat.get("mean").asDouble()).isEqualTo(3.0);
        assertThat(csat.get("ci95").get(0).asDouble()).isCloseTo(11.762077423264783, within(1e-9));
        assertThat(csat.get("ci95").get(1).asDouble()).isCloseTo(76.9275718723987, within(1e-9));
        JsonNode ces = doc.at("/overall/ces");
        assertThat(fieldNames(ces)).containsExactly("n", "agree", "score", "mean", "ci95");
        // agree = {7, 6, 5} = 3 of 5: score 60; mean 21/5 = 4.2; squared deviations 7.84 + 3.24 + 0.64 + 4.84 +
        // 10.24 = 26.8, s = √(26.8/4) = 2.5884; ci = 4.2 ± z·s/√5 = [1.93118, 6.46882].
        assertThat(ces.get("agree").asLong()).isEqualTo(3);
        assertThat(ces.get("score").asDouble()).isEqualTo(60.0);
        assertThat(ces.get("mean").asDouble()).isCloseTo(4.2, within(1e-12));
        assertThat(ces.get("ci95").get(0).asDouble()).isCloseTo(1.9311776579621474, within(1e-9));
        assertThat(ces.get("ci95").get(1).asDouble()).isCloseTo(6.4688223420378534, within(1e-9));
    }

    @Test
    void golden_groups_sortedBySegmentThenPeriod() {
        Path file = CliRun.write(dir, "golden.csv", GOLDEN);
        JsonNode doc = json(CliRun.run("score", file.toString(), "--nps", "nps", "--by", "plan", "--date", "date",
                "--period", "month", "--output", "json"));
        JsonNode groups = doc.get("groups");
        assertThat(groups).hasSize(4);
        List<String> labels = new ArrayList<>();
        groups.forEach(g -> labels.add(g.at("/segment/plan").asText() + " " + g.get("period").asText()));
        assertThat(labels).containsExactly("free 2024-03", "free 2024-04", "pro 2024-03", "pro 2024-04");
        assertThat(fieldNames(groups.get(0))).containsExactly("segment", "period", "nps");
        // pro 2024-03: ratings 10 and 9, both promoters: score 100, SE 100·√((1 + 0 − 1)/2) = 0, ci [100, 100].
        JsonNode pro = groups.get(2).get("nps");
        assertThat(pro.get("n").asLong()).isEqualTo(2);
        assertThat(pro.get("score").asDouble()).isEqualTo(100.0);
        assertThat(pro.get("standardError").asDouble()).isEqualTo(0.0);
        assertThat(pro.get("ci95").get(1).asDouble()).isEqualTo(100.0);
    }

    @Test
    void groups_onlyBy_haveNoPeriodField_andBlankSegmentIsNullLast() {
        Path file = CliRun.write(dir, "s.csv", "nps,seg\n9,b\n9,\n9,a\n");
        JsonNode groups = json(CliRun.run("score", file.toString(), "--nps", "nps", "--by", "seg", "--output",
                "json")).get("groups");
        assertThat(groups).hasSize(3);
        assertThat(fieldNames(groups.get(0))).containsExactly("segment", "nps");
        assertThat(groups.get(0).at("/segment/seg").asText()).isEqualTo("a");
        assertThat(groups.get(2).at("/segment/seg").isNull()).isTrue();
    }

    @Test
    void groups_compareByCodePointNotUtf16() {
        // U+FF5A (fullwidth z) is below U+1F600 by code point, above its UTF-16 surrogate pair.
        Path file = CliRun.write(dir, "cp.csv", "nps,seg\n9,😀\n9,ｚ\n9,z\n");
        JsonNode groups = json(CliRun.run("score", file.toString(), "--nps", "nps", "--by", "seg", "--output",
                "json")).get("groups");
        List<String> order = new ArrayList<>();
        groups.forEach(g -> order.add(g.at("/segment/seg").asText()));
        assertThat(order).containsExactly("z", "ｚ", "😀");
    }

    @Test
    void periods_isoWeekAcrossNewYear_andBlankDateIsNullPeriod() {
        Path file = CliRun.write(dir, "w.csv", "nps,at\n9,2021-01-03\n9,2021-01-04T10:00\n9,\n9,2020-12-28\n");
        JsonNode groups = json(CliRun.run("score", file.toString(), "--nps", "nps", "--date", "at", "--period",
                "week", "--output", "json")).get("groups");
        List<String> periods = new ArrayList<>();
        groups.forEach(g -> periods.add(g.get("period").isNull() ? "null" : g.get("period").asText()));
        assertThat(periods).containsExactly("2020-W53", "2021-W01", "null");
        assertThat(groups.get(0).at("/nps/n").asLong()).isEqualTo(2);
    }

    @Test
    void zone_movesLocalTimesAcrossDays() {
        Path file = CliRun.write(dir, "z.csv", "nps,at\n9,2024-03-05T23:30:00Z\n");
        JsonNode groups = json(CliRun.run("score", file.toString(), "--nps", "nps", "--date", "at", "--period",
                "day", "--zone", "Europe/Paris", "--output", "json")).get("groups");
        assertThat(groups.get(0).get("period").asText()).isEqualTo("2024-03-06");
    }

    @Nested
    final class Cells {

        @Test
        void invalidCells_areCountedListedAndLeftOut() {
            Path file = CliRun.write(dir, "i.csv", "nps,csat\n11,5\n9.0,4.5\n+9,\nabc,x\n\"10\",NA\n");
            JsonNode doc = json(CliRun.run("score", file.toString(), "--nps", "nps", "--csat", "csat", "--na", "NA",
                    "--output", "json"));
            assertThat(doc.at("/input/rows").asLong()).isEqualTo(5);
            assertThat(doc.at("/input/invalid").asLong()).isEqualTo(4);
            JsonNode first = doc.at("/input/errors/0");
            assertThat(fieldNames(first)).containsExactly("line", "column", "value", "message");
            assertThat(first.get("line").asLong()).isEqualTo(2);
            assertThat(first.get("column").asText()).isEqualTo("nps");
            assertThat(first.get("value").asText()).isEqualTo("11");
            List<String> where = new ArrayList<>();
            doc.at("/input/errors").forEach(e -> where.add(e.get("line").asLong() + ":" + e.get("column").asText()));
            assertThat(where).containsExactly("2:nps", "3:csat", "5:nps", "5:csat");
            // nps 9.0, +9 and "10" are valid: 3 promoters. csat 5 is valid, blank and NA are not answered.
            assertThat(doc.at("/overall/nps/n").asLong()).isEqualTo(3);
            assertThat(doc.at("/overall/csat/n").asLong()).isEqualTo(1);
        }

        @Test
        void strict_firstInvalidCell_exits2WithOneLine() {
            Path file = CliRun.write(dir, "i.csv", "nps\n9\n11\n12\n");
            CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--strict", "--output", "json");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("i.csv:3").contains("\"nps\"").contains("\"11\"");
        }

        @Test
        void quotedCommasNewlinesBomAndCrlf_scoreLikePlainCsv() {
            Path file = CliRun.write(dir, "q.csv",
                    "\uFEFFcomment,nps\r\n\"a, \"\"b\"\"\r\nc\",9\r\n\"\",\" 3 \"\r\n,\r\nx,11\r\n");
            JsonNode doc = json(CliRun.run("score", file.toString(), "--nps", "nps", "--output", "json"));
            assertThat(doc.at("/input/rows").asLong()).isEqualTo(4);
            assertThat(doc.at("/overall/nps/n").asLong()).isEqualTo(2);
            // header line 1, the quoted record spans lines 2-3, then lines 4, 5 and 6 (x,11).
            assertThat(doc.at("/input/errors/0/line").asLong()).isEqualTo(6);
        }

        @Test
        void raggedRow_isReportedAndLeftOut() {
            Path file = CliRun.write(dir, "r.csv", "a,nps\n1,9\n2\n3,9,extra\n");
            JsonNode doc = json(CliRun.run("score", file.toString(), "--nps", "nps", "--output", "json"));
            assertThat(doc.at("/input/rows").asLong()).isEqualTo(3);
            assertThat(doc.at("/input/invalid").asLong()).isEqualTo(2);
            assertThat(doc.at("/input/errors/0/column").asText()).isEqualTo("nps");
            assertThat(doc.at("/overall/nps/n").asLong()).isEqualTo(1);
        }

        @Test
        void noAnswers_metricIsOnlyN() {
            Path file = CliRun.write(dir, "e.csv", "nps,ces\n,\n");
            JsonNode doc = json(CliRun.run("score", file.toString(), "--nps", "nps", "--ces", "ces", "--output",
                    "json"));
            assertThat(doc.at("/overall/nps").toString()).isEqualTo("{\"n\":0}");
            assertThat(doc.at("/overall/ces").toString()).isEqualTo("{\"n\":0}");
        }

        @Test
        void scales_areChecked() {
            Path file = CliRun.write(dir, "s.csv", "c\n10\n3\n");
            JsonNode doc = json(CliRun.run("score", file.toString(), "--csat", "c", "--csat-scale", "10",
                    "--ces", "c", "--ces-scale", "3", "--output", "json"));
            assertThat(doc.at("/overall/csat/n").asLong()).isEqualTo(2);
            assertThat(doc.at("/overall/ces/n").asLong()).isEqualTo(1);
            assertThat(doc.at("/input/invalid").asLong()).isEqualTo(1);
        }
    }

    @Nested
    final class Inputs {

        @Test
        void jsonLines_withNullsMissingFieldsAndNumbers() {
            Path file = CliRun.write(dir, "d.jsonl",
                    "{\"nps\": 9, \"plan\": \"pro\"}\n{\"nps\": null, \"plan\": \"pro\"}\n{\"plan\": null}\n"
                            + "{\"nps\": \"10\", \"plan\": null}\n{\"nps\": 7.0}\n");
            JsonNode doc = json(CliRun.run("score", file.toString(), "--nps", "nps", "--by", "plan", "--output",
                    "json"));
            assertThat(doc.at("/input/rows").asLong()).isEqualTo(5);
            assertThat(doc.at("/overall/nps/n").asLong()).isEqualTo(3);
            assertThat(doc.at("/groups/0/nps/n").asLong()).isEqualTo(1);
            assertThat(doc.at("/groups/1/segment/plan").isNull()).isTrue();
            assertThat(doc.at("/groups/1/nps/n").asLong()).isEqualTo(2);
        }

        @Test
        void stdin_withFormat_isRead() {
            CliRun run = CliRun.runWithStdin("nps\n9\n", "score", "-", "--format", "csv", "--nps", "nps",
                    "--output", "json");
            assertThat(json(run).at("/overall/nps/n").asLong()).isEqualTo(1);
        }

        @Test
        void formatOption_overridesExtension() {
            Path file = CliRun.write(dir, "data.txt", "{\"nps\": 9}\n");
            assertThat(json(CliRun.run("score", file.toString(), "--format", "jsonl", "--nps", "nps", "--output",
                    "json")).at("/overall/nps/n").asLong()).isEqualTo(1);
        }

        @Test
        void table_showsGroupsOverallAndLegend() {
            Path file = CliRun.write(dir, "golden.csv", GOLDEN);
            CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--csat", "csat", "--ces", "ces",
                    "--by", "plan");
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("5 rows").contains("free").contains("pro").contains("all rows")
                    .contains("NPS 95% CI").contains("[-78.4, 78.4]").contains("*").contains("NPS = ")
                    .doesNotContain("±");
            assertThat(run.err()).isEmpty();
        }
    }

    @Nested
    final class ExitCodes {

        @Test
        void noMetric_exits2() {
            Path file = CliRun.write(dir, "a.csv", "nps\n9\n");
            CliRun run = CliRun.run("score", file.toString());
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("--nps");
        }

        @Test
        void unknownOption_exits2WithOneLine() {
            CliRun run = CliRun.run("score", "a.csv", "--nps", "nps", "--bogus");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("--bogus");
        }

        @Test
        void missingFile_exits2() {
            CliRun run = CliRun.run("score", dir.resolve("nope.csv").toString(), "--nps", "nps");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("nope.csv").contains("no such file");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void unknownColumn_exits2() {
            Path file = CliRun.write(dir, "a.csv", "nps\n9\n");
            CliRun run = CliRun.run("score", file.toString(), "--nps", "NPS", "--output", "json");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("\"NPS\"");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void unreadableDate_exits2NamingLineColumnValue() {
            Path file = CliRun.write(dir, "a.csv", "nps,at\n9,2024-01-01\n9,someday\n");
            CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--date", "at", "--period", "day",
                    "--output", "json");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().trim()).contains("a.csv:3").contains("\"at\"").contains("\"someday\"");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }

        @Test
        void periodWithoutDate_exits2() {
            assertThat(CliRun.run("score", "a.csv", "--nps", "n", "--period", "month").code()).isEqualTo(2);
        }

        @Test
        void badOptionValues_exit2() {
            assertThat(CliRun.run("score", "a.csv", "--nps", "n", "--period", "fortnight").code()).isEqualTo(2);
            assertThat(CliRun.run("score", "a.csv", "--nps", "n", "--zone", "Mars/Base").code()).isEqualTo(2);
            assertThat(CliRun.run("score", "a.csv", "--nps", "n", "--output", "xml").code()).isEqualTo(2);
            assertThat(CliRun.run("score", "a.csv", "--csat", "n", "--csat-scale", "12").code()).isEqualTo(2);
            assertThat(CliRun.run("score", "a.csv", "--ces", "n", "--ces-scale", "1").code()).isEqualTo(2);
        }

        @Test
        void unknownExtension_andStdinWithoutFormat_exit2() {
            Path file = CliRun.write(dir, "a.txt", "nps\n9\n");
            assertThat(CliRun.run("score", file.toString(), "--nps", "nps").code()).isEqualTo(2);
            assertThat(CliRun.run("score", "-", "--nps", "nps").code()).isEqualTo(2);
        }

        @Test
        void malformedJsonLines_exits2() {
            Path file = CliRun.write(dir, "a.jsonl", "{\"nps\": 9}\nnot json\n");
            CliRun run = CliRun.run("score", file.toString(), "--nps", "nps", "--output", "json");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("a.jsonl:2");
        }

        @Test
        void failingInput_isInternalError_exit1WithoutStackTrace() {
            java.io.InputStream broken = new java.io.InputStream() {
                @Override
                public int read() {
                    throw new IllegalStateException("boom");
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    throw new IllegalStateException("boom");
                }
            };
            CliRun run = CliRun.runWithStdin(broken, "score", "-", "--format", "csv", "--nps", "nps");
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("internal error").contains("boom").doesNotContain("\tat ");
        }
    }
}
