package dev.feedbackloop.examples.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TableTest {

    @Test
    void print_widensEveryColumnToItsWidestCell_andCutsNothing() {
        String printed = print(Table.indented(2).left("owner").right("late by")
                .row("support-leads", "168 days").row("ana", "2 h"));
        assertThat(printed).isEqualTo("""
                  owner           late by
                  support-leads  168 days
                  ana                 2 h
                """);
    }

    @Test
    void print_leavesNoTrailingSpaces() {
        String printed = print(Table.indented(2).right("n").left("note").row("1", "").row("22", "partial"));
        assertThat(printed.lines()).noneMatch(line -> line.endsWith(" "));
    }

    @Test
    void print_countsCharactersNotBytes() {
        String printed = print(Table.indented(2).left("bucket").right("n").row("\u2264 1 h", "51").row("16\u201340 h",
                "60"));
        assertThat(printed).isEqualTo("  bucket    n\n  \u2264 1 h    51\n  16\u201340 h  60\n");
    }

    @Test
    void row_withTheWrongNumberOfCells_isRejected() {
        var table = Table.indented(2).left("a").left("b");
        assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1, expected 2");
    }

    @Test
    void column_afterARow_isRejected() {
        var table = Table.indented(2).left("a").row("x");
        assertThatThrownBy(() -> table.right("b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void of_labelColumnsAlignLeftAndValuesRight_inTextAndInMarkdown() {
        Table table = Table.of(List.of("segment", "n", "NPS"), 1).row("pro | plus", "12", "+8.3").row("a\nb", "3", "");

        assertThat(print(table)).isEqualTo("""
                segment      n   NPS
                pro | plus  12  +8.3
                a\\nb         3
                """);
        var out = new StringWriter();
        var writer = new PrintWriter(out);
        table.printMarkdown(writer);
        writer.flush();
        assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo("""
                | segment | n | NPS |
                | --- | ---: | ---: |
                | pro \\| plus | 12 | +8.3 |
                | a\\\\nb | 3 |  |
                """);
    }

    private static String print(Table table) {
        var out = new StringWriter();
        var writer = new PrintWriter(out);
        table.print(writer);
        writer.flush();
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
