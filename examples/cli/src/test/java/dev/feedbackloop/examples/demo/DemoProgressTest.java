package dev.feedbackloop.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.examples.demo.Simulation.MonthPlayed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

final class DemoProgressTest {

    @Test
    void stage_isOneTimedLine() {
        var err = new StringWriter();
        DemoProgress.of(new PrintWriter(err), false).stage("compacting the database file");
        assertThat(err.toString()).matches("demo: compacting the database file \\(\\d+\\.\\d s\\)\\R");
    }

    @Test
    void month_namesTheMonthAndWhatItBrought() {
        var err = new StringWriter();
        DemoProgress.of(new PrintWriter(err), false).month(new MonthPlayed(YearMonth.of(2025, 3), false, 1234, 39));
        assertThat(err.toString()).startsWith("demo: played Mar 2025: 1,234 responses, 39 follow-ups opened (");
    }

    @Test
    void month_thatIsNotOver_saysSo() {
        var err = new StringWriter();
        DemoProgress.of(new PrintWriter(err), false).month(new MonthPlayed(YearMonth.of(2025, 12), true, 251, 33));
        assertThat(err.toString()).startsWith("demo: played Dec 2025 up to Fri 12 Dec 16:30 (the month is not over): "
                + "251 responses");
    }

    @Test
    void quiet_saysNothing() {
        var err = new StringWriter();
        DemoProgress quiet = DemoProgress.of(new PrintWriter(err), true);
        quiet.stage("anything");
        quiet.month(new MonthPlayed(YearMonth.of(2025, 1), false, 1, 1));
        assertThat(err.toString()).isEmpty();
    }
}
