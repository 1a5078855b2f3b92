package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

final class FeedbackLoopCommandTest {

    @Test
    void help_exits0AndListsCommands() {
        CliRun run = CliRun.run("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("score").contains("loop").contains("demo");
    }

    @Test
    void subcommandHelp_exits0() {
        assertThat(CliRun.run("score", "--help").out()).contains("--csat-scale").contains("--na");
        assertThat(CliRun.run("loop", "--help").out()).contains("--trigger-at-most").contains("--as-of");
    }

    @Test
    void version_exits0WithFallbackOutsideTheJar() {
        CliRun run = CliRun.run("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out().trim()).isEqualTo("feedbackloop " + FeedbackLoopCommand.FALLBACK_VERSION);
    }

    @Test
    void noCommand_exits2() {
        CliRun run = CliRun.run();
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void unknownCommand_exits2WithOneLine() {
        CliRun run = CliRun.run("rank");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void demoHelp_listsItsOptions() {
        CliRun run = CliRun.run("demo", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--db").contains("--report");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"48h,PT48H", "2d,PT48H", "90m,PT1H30M", "PT48H,PT48H", "30s,PT30S", "1.5h,PT1H30M", "0h,PT0S"})
    void sla_shortAndIsoForms(String text, String expected) {
        assertThat(Converters.parseDuration(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "[{0}] is rejected")
    @CsvSource({"soon", "-2h", "PT-1H", "48"})
    void sla_otherText_isRejected(String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Converters.parseDuration(text))
                .isInstanceOf(TypeConversionException.class);
    }

    @Test
    void groupKey_codePointOrder() {
        assertThat(GroupKey.compareCodePoints("ｚ", "😀")).isNegative();
        assertThat("ｚ".compareTo("😀")).isPositive();
        assertThat(GroupKey.compareCodePoints("ab", "abc")).isNegative();
        assertThat(GroupKey.compareCodePoints("abc", "abc")).isZero();
    }
}
