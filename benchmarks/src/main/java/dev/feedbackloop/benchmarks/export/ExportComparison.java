package dev.feedbackloop.benchmarks.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The side-by-side comparison of export scoring: {@code java -jar feedbackloop.jar score|loop …} against a JVM that
 * runs the same computation as one DuckDB query over {@code read_csv}, each a whole process on the same generated
 * CSV, alternated round by round; it checks that both count the same and prints the medians and the ratio
 * ours/DuckDB (below 1 means faster than DuckDB).
 *
 * <p>Run (after {@code mvn -B -q -pl benchmarks,examples/cli -am package -DskipTests}):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.feedbackloop.benchmarks.export.ExportComparison \
 *     [--rows 10000000] [--rounds 5] [--dir /tmp/feedbackloop-bench] [--jar examples/cli/target/feedbackloop.jar] \
 *     [--xmx 64m] [--loop-xmx 64m] [--only score|loop]
 * </pre>
 * {@code --xmx} is the heap of our {@code score} process and {@code --loop-xmx} that of {@code loop}; both default to
 * the contract's 64 MB, whatever the row count.
 * Generated files are kept under {@code --dir} and reused by later runs with the same row count. Not instantiable.
 */
public final class ExportComparison {

    private static final long SEED = 20_240_305L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportComparison() {
    }

    /** One workload: how to run each side and how to read its result into canonical lines. */
    private record Workload(String name, Path file, List<String> ours, List<String> duckDb) {
    }

    /** One timed run of one side. */
    private record Run(double seconds, List<String> lines, String stderr) {
    }

    /**
     * Runs the comparison.
     *
     * @param args the options shown in the type description
     * @throws IOException if a file cannot be written or a process cannot be started
     * @throws InterruptedException if interrupted while waiting for a process
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        long rows = 10_000_000;
        int rounds = 5;
        Path dir = Path.of("/tmp/feedbackloop-bench");
        String jar = "examples/cli/target/feedbackloop.jar";
        String xmx = "64m";
        String loopXmx = "64m";
        String only = "";
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(value.replace("_", ""));
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--dir" -> dir = Path.of(value);
                case "--jar" -> jar = value;
                case "--xmx" -> xmx = value;
                case "--loop-xmx" -> loopXmx = value;
                case "--only" -> only = value;
                default -> throw new IllegalArgumentException(args[i] + ": unknown option, expected --rows, --rounds,"
                        + " --dir, --jar, --xmx, --loop-xmx or --only");
            }
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalArgumentException(jar + ": no such file, expected the feedbackloop jar (--jar)");
        }
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        System.out.printf(Locale.ROOT, "machine: %d cores, JDK %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());

        List<Workload> workloads = new ArrayList<>();
        if (!"loop".equals(only)) {
            Path survey = dir.resolve("survey-" + rows + ".csv");
            if (!Files.exists(survey)) {
                System.out.println("generating " + survey);
                ExportGenerator.survey(survey, rows, SEED);
            }
            workloads.add(new Workload("score", survey,
                    List.of(java, "-Xmx" + xmx, "-jar", jar, "score", survey.toString(), "--nps", "nps", "--csat",
                            "csat", "--ces", "ces", "--by", "plan", "--by", "region", "--date", "submitted_at",
                            "--period", "month", "--output", "json"),
                    List.of(java, "-cp", classPath, DuckDbScoring.class.getName(), "score", survey.toString())));
        }
        if (!"score".equals(only)) {
            Path helpDesk = dir.resolve("help-desk-" + rows + ".csv");
            if (!Files.exists(helpDesk)) {
                System.out.println("generating " + helpDesk);
                ExportGenerator.helpDesk(helpDesk, rows, SEED);
            }
            workloads.add(new Workload("loop", helpDesk,
                    List.of(java, "-Xmx" + loopXmx, "-jar", jar, "loop", helpDesk.toString(), "--csat", "csat",
                            "--created", "created_at", "--responded", "first_response_at", "--by", "plan",
                            "--output", "json"),
                    List.of(java, "-cp", classPath, DuckDbScoring.class.getName(), "loop", helpDesk.toString())));
        }

        for (Workload w : workloads) {
            System.out.printf(Locale.ROOT, "%n%s: %,d rows, %,d bytes%n  ours:   %s%n  duckdb: %s%n", w.name(), rows,
                    Files.size(w.file()), String.join(" ", w.ours()), String.join(" ", w.duckDb()));
            double[] ours = new double[rounds];
            double[] duck = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                // Alternate which side goes first, so that neither always finds the page cache warmer.
                Run a;
                Run b;
                if (round % 2 == 0) {
                    a = run(w.ours());
                    b = run(w.duckDb());
                } else {
                    b = run(w.duckDb());
                    a = run(w.ours());
                }
                ours[round] = a.seconds();
                duck[round] = b.seconds();
                List<String> ourLines = "score".equals(w.name()) ? scoreLines(a) : loopLines(a);
                List<String> duckLines = counts(b.lines());
                boolean agree = ourLines.equals(duckLines);
                System.out.printf(Locale.ROOT, "  round %d: ours %.3f s, duckdb %.3f s (%s), ratio %.2f, %d groups %s%n",
                        round + 1, a.seconds(), b.seconds(), b.stderr().strip(), a.seconds() / b.seconds(),
                        ourLines.size(), agree ? "agree" : "DISAGREE");
                if (!agree) {
                    System.out.println("  first differences:");
                    difference(ourLines, duckLines);
                }
            }
            double o = median(ours);
            double d = median(duck);
            System.out.printf(Locale.ROOT, "%s: median ours %.3f s, duckdb %.3f s, ratio ours/duckdb %.2f%n",
                    w.name(), o, d, o / d);
        }
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        long start = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] out = readAll(process.getInputStream());
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String stderr = new String(err.join(), StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": exit " + exit + ", expected 0: " + stderr);
        }
        return new Run(seconds, new String(out, StandardCharsets.UTF_8).lines().toList(), stderr);
    }

    private static byte[] readAll(InputStream in) {
        try (InputStream stream = in; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            stream.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our {@code score} JSON as {@code plan|region|month<TAB>counts} lines, in DuckDB's order. */
    private static List<String> scoreLines(Run run) throws IOException {
        JsonNode root = JSON.readTree(String.join("\n", run.lines()));
        List<String> lines = new ArrayList<>();
        for (JsonNode group : root.path("groups")) {
            JsonNode nps = group.path("nps");
            JsonNode csat = group.path("csat");
            JsonNode ces = group.path("ces");
            lines.add(group.path("segment").path("plan").asText() + "|" + group.path("segment").path("region").asText()
                    + "|" + group.path("period").asText() + "\t" + nps.path("n").asLong() + ","
                    + nps.path("promoters").asLong() + "," + nps.path("passives").asLong() + ","
                    + nps.path("detractors").asLong() + "," + csat.path("n").asLong() + ","
                    + csat.path("satisfied").asLong() + "," + ces.path("n").asLong() + "," + ces.path("agree").asLong());
        }
        lines.sort(null);
        return lines;
    }

    /** Our {@code loop} JSON as {@code plan<TAB>counts} lines. */
    private static List<String> loopLines(Run run) throws IOException {
        JsonNode root = JSON.readTree(String.join("\n", run.lines()));
        List<String> lines = new ArrayList<>();
        for (JsonNode group : root.path("groups")) {
            lines.add(group.path("segment").path("plan").asText() + "\t" + group.path("triggered").asLong() + ","
                    + group.path("responded").asLong() + "," + group.path("respondedWithinSla").asLong() + ","
                    + group.path("overdue").asLong());
        }
        lines.sort(null);
        return lines;
    }

    /** DuckDB's lines cut to {@code key<TAB>counts}, sorted. */
    private static List<String> counts(List<String> lines) {
        List<String> cut = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split("\t", -1);
            cut.add(parts[0] + "\t" + parts[1]);
        }
        cut.sort(null);
        return cut;
    }

    private static void difference(List<String> ours, List<String> duck) {
        int shown = 0;
        for (int i = 0; i < Math.max(ours.size(), duck.size()) && shown < 5; i++) {
            String o = i < ours.size() ? ours.get(i) : "-";
            String d = i < duck.size() ? duck.get(i) : "-";
            if (!o.equals(d)) {
                System.out.println("    ours   " + o + "\n    duckdb " + d);
                shown++;
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
