package dev.feedbackloop.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(Seeds.class)
final class CellsTest {

    @ParameterizedTest(name = "[{0}] reads {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "9|9", "9.0|9", "+9|9", "' 9 '|9", "'\t10\t'|10", "9.000|9", "0|0", "-0|0", "-3|-3", "09|9",
        "'-2.0'|-2", "12345678901234|1000000000", "-99999999999|-1000000000"})
    void parseInteger_integerForms_readTheInteger(String cell, int expected) {
        assertThat(Cells.parseInteger(cell)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] is not an integer")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "4.5", "9.", ".0", "abc", "1e3", "+", "-", "9.01", "9 0", "0x9", "'9,0'", "++9", "9.0.0", "１"})
    void parseInteger_otherText_isNotAnInteger(String cell) {
        assertThat(Cells.parseInteger(cell)).isEqualTo(Cells.NOT_AN_INTEGER);
    }

    @ParameterizedTest(name = "[{0}] is blank")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"''", "' '", "'\t  '"})
    void parseInteger_blankCell_isBlank(String cell) {
        assertThat(Cells.parseInteger(cell)).isEqualTo(Cells.BLANK);
        assertThat(Cells.isBlank(cell)).isTrue();
    }

    @Test
    void parseInteger_randomText_agreesWithReferenceDefinition(Random random) {
        String alphabet = "0123456789+-. \tx9e";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(7);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String cell = sb.toString();
            assertThat(Cells.parseInteger(cell)).as("cell [%s]", cell).isEqualTo(reference(cell));
        }
    }

    /** The definition of cli.md written as a regular expression, to check the hand-written scanner against. */
    private static int reference(String cell) {
        String t = cell.replaceAll("^[ \t]+|[ \t]+$", "");
        if (t.isEmpty()) {
            return Cells.BLANK;
        }
        if (!t.matches("[+-]?[0-9]+(\\.0+)?")) {
            return Cells.NOT_AN_INTEGER;
        }
        String digits = t.replaceAll("\\.0+$", "");
        long value = Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
        return (int) Math.max(-1_000_000_000L, Math.min(1_000_000_000L, value));
    }
}
