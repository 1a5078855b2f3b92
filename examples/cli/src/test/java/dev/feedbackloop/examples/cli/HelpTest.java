package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** {@code --help} of the root command, {@code score} and {@code loop}: complete, readable in 80 columns. */
final class HelpTest {

    private static CommandSpec spec(String command) {
        CommandLine cli = FeedbackLoopCommand.commandLine(new FeedbackLoopCommand(),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        return command.isEmpty() ? cli.getCommandSpec() : cli.getSubcommands().get(command).getCommandSpec();
    }

    private static String[] args(String command) {
        return command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    }

    /** Every text of the help as written in the code: descriptions of the command, its arguments, its footer. */
    private static List<String> texts(CommandSpec spec) {
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            texts.add(String.join(" ", arg.description()));
        }
        return texts;
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "score", "loop"})
    void help_printsNoPicocliWarning(String command) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliRun run;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            run = CliRun.run(args(command));
        } finally {
            System.setErr(original);
        }

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli");
        for (String text : texts(spec(command))) {
            if (text.contains("%")) {
                assertThat(String.format(Locale.ROOT, text)).as(text).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "score", "loop"})
    void help_breaksLinesOnlyBetweenWords_within80Columns(String command) {
        String help = CliRun.run(args(command)).out();
        String flowing = help.replaceAll("\\s+", " ");

        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        for (String text : texts(spec(command))) {
            String shown = (text.contains("%") ? String.format(Locale.ROOT, text) : text).replaceAll("\\s+", " ");
            for (String piece : shown.split("\\$\\{DEFAULT-VALUE}")) {
                assertThat(flowing).as("the help holds, unbroken: %s", piece).contains(piece.trim());
            }
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"score", "loop"})
    void help_listsMetricOptionsFirstAndEndsWithExamples(String command) {
        String help = CliRun.run(command, "--help").out();

        assertThat(help.indexOf("--nps=COL")).isLessThan(help.indexOf("--by=COL"));
        assertThat(help.indexOf("--csat-scale=N")).isLessThan(help.indexOf("--by=COL"));
        assertThat(help.indexOf("--by=COL")).isLessThan(help.indexOf("--output=O"));
        assertThat(help).contains("--delimiter=C").contains("--threads=N").contains("--na=M");
        assertThat(help.substring(help.indexOf("Examples:")).lines().filter(line -> line.startsWith(
                "  feedbackloop " + command + " "))).hasSizeBetween(2, 3);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"score", "loop"})
    void help_showsPercentSignsAsWritten(String command) {
        String help = CliRun.run(command, "--help").out().replaceAll("\\s+", " ");

        assertThat(help).doesNotContain("%%");
        if ("score".equals(command)) {
            assertThat(help).contains("with 95% confidence intervals").contains("NPS = % promoters");
        }
    }
}
