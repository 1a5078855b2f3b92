package dev.feedbackloop.core.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.feedbackloop.core.invitation.InvitationException.Reason;
import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class InvitationsTest {

    /** Secret bytes 0x00..0x1f, the key of the fixed vector. */
    static final byte[] SECRET = secret(0);
    static final Instant NOW = Instant.parse("2024-03-04T09:00:00Z");
    static final Instant EXPIRY = Instant.parse("2024-03-18T09:00:00Z");

    /**
     * Computed independently of this code, with Python's hmac module and checked with
     * {@code printf '%s' "fl1.k2024.<payload>" | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102...1f}, which
     * printed {@code 5dce8039e5412180811eb76903d2f819d035493e0e8e91e4d56112df03360bd3}.
     */
    static final String VECTOR = "fl1.k2024.dC0xCnJlbGF0aW9uc2hpcApjLTEwNDIKMTcxMDc1MjQwMApwbGFuPXBybwpyZWdpb249RVU"
            + ".Xc6AOeVBIYCBHrdpA9L4GdA1ST4OjpHk1WES3wM2C9M";

    static final Invitation VECTOR_INVITATION = new Invitation("t-1", "relationship", "c-1042", EXPIRY,
            Map.of("plan", "pro", "region", "EU"));

    static byte[] secret(int first) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    static Invitations invitations() {
        return Invitations.builder().signWith(SigningKey.of("k2024", SECRET)).build();
    }

    private static Reason reasonOf(Runnable verify) {
        try {
            verify.run();
        } catch (InvitationException e) {
            return e.reason();
        }
        throw new AssertionError("expected an InvitationException");
    }

    @Nested
    class TestVector {

        @Test
        void issue_fixedInvitation_equalsTheIndependentlyComputedToken() {
            assertThat(invitations().issue(VECTOR_INVITATION)).isEqualTo(VECTOR);
        }

        @Test
        void verify_fixedToken_returnsTheInvitation() {
            assertThat(invitations().verify(VECTOR, "relationship", NOW)).isEqualTo(VECTOR_INVITATION);
        }
    }

    @Nested
    class Rejections {

        @Test
        void tamperedPayload_isBadSignature() {
            String[] parts = VECTOR.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8)
                    .replace("c-1042", "c-1043");
            String tampered = parts[0] + "." + parts[1] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                    + "." + parts[3];

            assertThat(reasonOf(() -> invitations().verify(tampered, NOW))).isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void everySingleCharacterChange_isRefused() {
            Invitations invitations = invitations();
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
            int refused = 0;
            for (int i = 0; i < VECTOR.length(); i++) {
                char replacement = alphabet.charAt((alphabet.indexOf(VECTOR.charAt(i)) + 1) % alphabet.length());
                String changed = VECTOR.substring(0, i) + replacement + VECTOR.substring(i + 1);
                try {
                    invitations.verify(changed, NOW);
                } catch (InvitationException e) {
                    refused++;
                }
            }
            // the unused low bits of a last base64 character included: a token has one spelling
            assertThat(refused).isEqualTo(VECTOR.length());
        }

        @Test
        void nonCanonicalBase64_isMalformed() {
            Invitations invitations = invitations();
            String signature = VECTOR.substring(VECTOR.lastIndexOf('.') + 1);
            var variants = new java.util.ArrayList<String>();
            variants.add(VECTOR + "=");
            variants.add(VECTOR + "==");
            // the last character of a 32-byte signature carries two unused bits: every other value of them
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            int last = alphabet.indexOf(signature.charAt(signature.length() - 1));
            for (int bits = 1; bits < 4; bits++) {
                char other = alphabet.charAt((last & ~3) | ((last + bits) & 3));
                variants.add(VECTOR.substring(0, VECTOR.length() - 1) + other);
            }
            var accepted = new java.util.ArrayList<String>();
            for (String variant : variants) {
                try {
                    invitations.verify(variant, NOW);
                    accepted.add(variant);
                } catch (InvitationException e) {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                }
            }

            assertThat(accepted).isEmpty();
        }

        @Test
        void expiringExactlyAtTheClockInstant_isExpiredAndValidJustBefore() {
            assertThat(reasonOf(() -> invitations().verify(VECTOR, EXPIRY))).isEqualTo(Reason.EXPIRED);
            assertThat(invitations().verify(VECTOR, EXPIRY.minusNanos(1))).isEqualTo(VECTOR_INVITATION);
        }

        @Test
        void forgedWithAnotherSecretUnderOurKeyId_isBadSignature() {
            String forged = Invitations.builder().signWith(SigningKey.of("k2024", secret(7))).build()
                    .issue(VECTOR_INVITATION);

            assertThat(reasonOf(() -> invitations().verify(forged, NOW))).isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void forgedUnderAnUnknownKeyId_isUnknownKey() {
            String forged = Invitations.builder().signWith(SigningKey.of("evil", secret(7))).build()
                    .issue(VECTOR_INVITATION);

            assertThat(reasonOf(() -> invitations().verify(forged, NOW))).isEqualTo(Reason.UNKNOWN_KEY);
        }

        @Test
        void otherSurvey_isOtherSurvey() {
            InvitationException e = org.junit.jupiter.api.Assertions.assertThrows(InvitationException.class,
                    () -> invitations().verify(VECTOR, "onboarding", NOW));

            assertThat(e.reason()).isEqualTo(Reason.OTHER_SURVEY);
            assertThat(e.tokenId()).isEqualTo("t-1");
            assertThat(e.getMessage()).doesNotContain(VECTOR).doesNotContain("c-1042");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ".", "...", "fl1", "fl1.k2024", "fl1.k2024.a", "fl2.k2024.a.b",
            "fl1.k2024.abc.!!!", "fl1.k2024.a.b.c", "fl1.k2024.a.%%%"})
        void malformed_isMalformed(String token) {
            assertThat(reasonOf(() -> invitations().verify(token, NOW))).isEqualTo(Reason.MALFORMED);
        }

        @Test
        void hugeToken_isRefusedUnread() {
            String huge = "fl1.k2024." + "A".repeat(1024 * 1024) + ".x";

            assertThat(reasonOf(() -> invitations().verify(huge, NOW))).isEqualTo(Reason.MALFORMED);
        }

        @Test
        void signedGarbagePayload_isMalformed() {
            // authentic signature over a payload that is not an invitation: only a key holder can make one
            String signed = "fl1.k2024." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("only\ntwo".getBytes(StandardCharsets.UTF_8));
            String token = signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(signed));

            assertThat(reasonOf(() -> invitations().verify(token, NOW))).isEqualTo(Reason.MALFORMED);
        }

        private byte[] hmac(String signed) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
                return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void randomTokens_onlyEverFailWithOurException(Seed seed) {
            var random = seed.random();
            Invitations invitations = invitations();
            IntStream.range(0, 2_000).forEach(round -> {
                char[] chars = VECTOR.toCharArray();
                for (int f = 0; f <= random.nextInt(4); f++) {
                    chars[random.nextInt(chars.length)] = (char) random.nextInt(0x3000);
                }
                String token = new String(chars, 0, random.nextInt(chars.length + 1));
                try {
                    invitations.verify(token, NOW);
                } catch (InvitationException e) {
                    assertThat(e.getMessage()).isNotBlank();
                } catch (RuntimeException e) {
                    fail("seed " + seed.value() + " round " + round + ": expected InvitationException, got " + e, e);
                }
            });
        }
    }

    @Nested
    class Rotation {

        @Test
        void oldKeyStillVerifies_newKeySigns() {
            SigningKey old = SigningKey.of("k2023", secret(100));
            String oldToken = Invitations.builder().signWith(old).build().issue(VECTOR_INVITATION);
            Invitations rotated = Invitations.builder().signWith(SigningKey.of("k2024", SECRET)).verifyAlso(old)
                    .build();

            assertThat(rotated.verify(oldToken, NOW)).isEqualTo(VECTOR_INVITATION);
            assertThat(rotated.issue(VECTOR_INVITATION)).isEqualTo(VECTOR);
            assertThat(rotated.signingKeyId()).isEqualTo("k2024");
        }

        @Test
        void retiredKey_isUnknown() {
            String oldToken = Invitations.builder().signWith(SigningKey.of("k2023", secret(100))).build()
                    .issue(VECTOR_INVITATION);

            assertThat(reasonOf(() -> invitations().verify(oldToken, NOW))).isEqualTo(Reason.UNKNOWN_KEY);
        }

        @Test
        void builder_rejectsTwoSigningKeysAndRepeatedIds() {
            assertThatThrownBy(() -> Invitations.builder().signWith(SigningKey.of("a", SECRET))
                    .signWith(SigningKey.of("b", SECRET))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> Invitations.builder().signWith(SigningKey.of("a", SECRET))
                    .verifyAlso(SigningKey.of("a", secret(1)))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Invitations.builder().build()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Keys {

        @Test
        void shortSecretOrBadKeyId_isRejected() {
            assertThatThrownBy(() -> SigningKey.of("k", new byte[31])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 32");
            assertThatThrownBy(() -> SigningKey.of("k.1", SECRET)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void toString_neverShowsTheSecret() {
            assertThat(SigningKey.of("k2024", SECRET)).hasToString("SigningKey[k2024]");
        }

        @Test
        void secret_isCopied() {
            byte[] secret = secret(0);
            SigningKey key = SigningKey.of("k2024", secret);
            secret[0] = 99;

            assertThat(Invitations.builder().signWith(key).build().issue(VECTOR_INVITATION)).isEqualTo(VECTOR);
        }
    }

    @Nested
    class Payload {

        @Test
        void anyText_roundTrips() {
            var invitation = new Invitation("id with spaces/=&\n%", "s\u00e9", "c=1&x\n2", NOW.plus(Duration.ofDays(1)),
                    Map.of("a=b", "\u0000\n\r=%+", "emoji", "\uD83D\uDE00"));

            assertThat(invitations().verify(invitations().issue(invitation), NOW)).isEqualTo(invitation);
        }

        @Test
        void expiry_isKeptToWholeSeconds() {
            var invitation = Invitation.of("s", "c", NOW.plusMillis(1500));

            assertThat(invitation.expiresAt()).isEqualTo(NOW.plusSeconds(1));
            assertThat(invitation.tokenId()).hasSize(36);
        }

        @Test
        void tooManyAttributes_isRejected() {
            var many = new java.util.HashMap<String, String>();
            IntStream.range(0, 33).forEach(i -> many.put("a" + i, "v"));

            assertThatThrownBy(() -> Invitation.of("s", "c", NOW).withAttributes(many))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33");
        }
    }
}
