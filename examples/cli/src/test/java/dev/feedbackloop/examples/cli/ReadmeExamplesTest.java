package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command-line example of the README, run exactly as written from the repository root (the jar replaced by the
 * same classes on the test class path), prints exactly what the README shows.
 */
final class ReadmeExamplesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String JAR = "java -jar examples/cli/target/feedbackloop.jar ";
    private static final Pattern CONSOLE = Pattern.compile("```console\n\\$ (.*)\n((?:(?!```).*\n)*)```");

    /** One example: the command after the prompt, and what the README shows it prints. */
    record Example(String command, String output) {
        @Override
        public String toString() {
            return command.substring(JAR.length());
        }
    }

    static List<Example> examples() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        Matcher m = CONSOLE.matcher(readme);
        while (m.find()) {
            if (m.group(1).startsWith(JAR)) {
                examples.add(new Example(m.group(1), m.group(2)));
            }
        }
        return examples;
    }

    static Stream<Example> readmeExamples() throws IOException {
        return examples().stream();
    }

    @Test
    void readme_hasCommandLineExamplesOfBothCommands() throws IOException {
        assertThat(examples()).extracting(e -> e.toString().split(" ")[0]).contains("score", "loop");
        assertThat(examples()).allSatisfy(e -> assertThat(e.command()).contains("examples/cli/samples/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeExamples")
    void example_printsWhatTheReadmeShows(Example example) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")),
                FeedbackLoopCommand.class.getName()));
        command.addAll(List.of(example.command().substring(JAR.length()).split(" ")));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(out).isEqualTo(example.output());
    }
}
