package dev.feedbackloop.scoring.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class TextCheckTest {


    static byte[] hex(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    @Test
    void firstBad_asciiAndWellFormedUtf8_isNone() {
        byte[] text = "plan,comment\npro,café — 😀 naïve, 日本語\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        TextCheck check = new TextCheck();

        assertThat(check.firstBad(text, 0, text.length, true)).isEqualTo(-1);
        assertThat(check.resume()).isEqualTo(text.length);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"E9", "C0 AF", "C1 BF", "ED A0 80", "F4 90 80 80", "F5 80 80 80", "FF", "80", "E2 28 A1",
        "F0 9F 98"})
    void firstBad_malformedUtf8_isTheFirstByteOfTheSequence(String sequence) {
        byte[] bytes = concat("nps,comment\n9,caf", hex(sequence), " ok\n");
        TextCheck check = new TextCheck();

        assertThat(check.firstBad(bytes, 0, bytes.length, true)).isEqualTo("nps,comment\n9,caf".length());
    }

    @Test
    void firstBad_nulBytes_areWellFormedUtf8() {
        byte[] bytes = "nps,comment\n9,ab\u0000cdefghijklmnopqrstuvwxyz0123456789\u0000\n".getBytes(StandardCharsets.UTF_8);

        assertThat(new TextCheck().firstBad(bytes, 0, bytes.length, true)).isEqualTo(-1);
    }

    @Test
    void firstBad_badByteAfterALongAsciiRun_isFound() {
        byte[] bytes = concat("a".repeat(100), hex("E9"), "b".repeat(100));

        assertThat(new TextCheck().firstBad(bytes, 0, bytes.length, true)).isEqualTo(100);
    }

    @Test
    void firstBad_sequenceCutByTheEndOfTheBytesSoFar_isLeftForTheNextCall() {
        byte[] bytes = "abcdefghij😀".getBytes(StandardCharsets.UTF_8);
        TextCheck check = new TextCheck();

        assertThat(check.firstBad(bytes, 0, bytes.length - 2, false)).isEqualTo(-1);
        assertThat(check.resume()).isEqualTo(10);
        assertThat(check.firstBad(bytes, check.resume(), bytes.length, true)).isEqualTo(-1);
        assertThat(check.firstBad(bytes, 0, bytes.length - 2, true)).isEqualTo(10);
    }

    @Test
    void firstBad_randomBytes_agreesWithTheJdkStrictDecoder(Random random) {
        TextCheck check = new TextCheck();
        byte[] alphabet = hex("41 20 2C 0A C3 A9 E2 82 AC F0 9F 98 80 C0 ED A0 F4 90 FF 80 BF 00");
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(80)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(
                        alphabet.length)];
            }
            int bad = check.firstBad(bytes, 0, bytes.length, true);
            assertThat(bad).as("round %d", round).isEqualTo(expectedFirstBad(bytes));
        }
    }

    /**
     * The end of the longest prefix that is well-formed UTF-8 (one that decodes and encodes back to itself), or -1
     * when that is the whole array.
     */
    private static int expectedFirstBad(byte[] bytes) {
        int valid = bytes.length;
        while (!Arrays.equals(new String(bytes, 0, valid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(bytes, valid))) {
            valid--;
        }
        return valid < bytes.length ? valid : -1;
    }

    @Test
    void escape_keepsUtf8AndWritesOtherBytesAsHex() {
        byte[] bytes = concat("café ", hex("E9 FF"), " ok");

        assertThat(TextCheck.escape(bytes, 0, bytes.length)).isEqualTo("café \\xE9\\xFF ok");
    }
}
