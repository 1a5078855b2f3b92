package dev.feedbackloop.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seeds;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> unprintable() {
        return Stream.of(Arguments.of("a\nb", "a\\nb"), Arguments.of("a\rb", "a\\rb"), Arguments.of("a\tb", "a\\tb"),
                Arguments.of("a\u0000b", "a\\u0000b"), Arguments.of("\u001B[31m", "\\u001B[31m"),
                Arguments.of("x\u007F", "x\\u007F"), Arguments.of("x\u0085", "x\\u0085"),
                Arguments.of("\uFEFFnps", "\\uFEFFnps"), Arguments.of("a\u202Eb", "a\\u202Eb"),
                Arguments.of("a\u2028b", "a\\u2028b"), Arguments.of("a\uD800b", "a\\uD800b"),
                Arguments.of("b\uDC00", "b\\uDC00"));
    }

    @ParameterizedTest
    @MethodSource("unprintable")
    void printable_escapesWhatATerminalWouldNotShow(String text, String expected) {
        assertThat(Cells.printable(text)).isEqualTo(expected);
    }

    @Test
    void printable_keepsLettersOfEveryScriptAndEmoji() {
        String text = "café naïve 日本語 Ελληνικά עברית 😀 \\x41 \"quoted\"";

        assertThat(Cells.printable(text)).isSameAs(text);
    }

    @Test
    void printable_randomText_neverHoldsAControlCharacter(Random random) {
        for (int round = 0; round < 10_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < random.nextInt(20); i++) {
                text.append((char) random.nextInt(0x10000));
            }
            String shown = Cells.printable(text);
            assertThat(shown.codePoints().noneMatch(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE))
                    .as("round %d: %s", round, shown).isTrue();
        }
    }
}
