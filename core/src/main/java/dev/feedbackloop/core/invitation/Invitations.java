package dev.feedbackloop.core.invitation;

import dev.feedbackloop.core.invitation.InvitationException.Reason;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * Issues and verifies signed invitation tokens: compact, URL-safe strings that bind an {@link Invitation} under
 * HMAC-SHA256 with a host {@link SigningKey}. One key signs; it and any number of older keys verify, so keys rotate
 * without invalidating links already sent. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * Invitations invitations = Invitations.builder().signWith(SigningKey.of("2024-06", secret)).build();
 * String token = invitations.issue(Invitation.of("relationship", "c-1042", clock.instant().plus(Duration.ofDays(14))));
 * // ... the customer follows the link; then:
 * Receipt receipt = loop.submit(response, token);
 * }</pre>
 *
 * <p>Format: {@code fl1.KEYID.PAYLOAD.SIGNATURE}, where {@code PAYLOAD} is the unpadded base64url encoding of the
 * UTF-8 lines {@code tokenId}, {@code surveyId}, {@code customerId}, {@code expiresAt} (epoch seconds) and one
 * {@code name=value} line per attribute in name order, each part {@code application/x-www-form-urlencoded}, joined by
 * {@code \n}; {@code SIGNATURE} is the unpadded base64url HMAC-SHA256 of the ASCII text {@code fl1.KEYID.PAYLOAD}.
 * The payload is signed, not encrypted: do not put secrets in attributes. A token has exactly one spelling: a part
 * with padding, or with the unused bits of its last character set otherwise than the encoder sets them, is
 * malformed.
 *
 * <p>Verification compares signatures in constant time ({@link MessageDigest#isEqual(byte[], byte[])}) and checks,
 * in order: the shape ({@link Reason#MALFORMED}; tokens longer than {@value #MAX_TOKEN_LENGTH} characters are refused
 * unread), the key id ({@link Reason#UNKNOWN_KEY}), the signature ({@link Reason#BAD_SIGNATURE}), the expiry
 * ({@link Reason#EXPIRED}, from the expiry instant on: it is exclusive) and the survey
 * ({@link Reason#OTHER_SURVEY}). Whether a token was already used is the {@link InvitationLedger}'s business, checked
 * by the feedback loop.
 */
public final class Invitations {

    /** The longest token accepted, in characters. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    static final String VERSION = "fl1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKey signer;
    private final Map<String, SigningKey> verifiers;

    private Invitations(Builder builder) {
        this.signer = Objects.requireNonNull(builder.signer, "signer");
        this.verifiers = Map.copyOf(builder.verifiers);
    }

    /**
     * Starts building: exactly one {@link Builder#signWith(SigningKey) signing key} is required.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the id of the key that signs new tokens.
     *
     * @return the key id
     */
    public String signingKeyId() {
        return signer.keyId();
    }

    /**
     * Issues a token for an invitation, signed with the signing key.
     *
     * @param invitation the invitation
     * @return the token, URL-safe ASCII
     * @throws IllegalArgumentException if the token would be longer than {@value #MAX_TOKEN_LENGTH} characters
     */
    public String issue(Invitation invitation) {
        Objects.requireNonNull(invitation, "invitation");
        var lines = new ArrayList<String>();
        lines.add(encode(invitation.tokenId()));
        lines.add(encode(invitation.surveyId()));
        lines.add(encode(invitation.customerId()));
        lines.add(Long.toString(invitation.expiresAt().getEpochSecond()));
        new TreeMap<>(invitation.attributes()).forEach((name, value) -> lines.add(encode(name) + "=" + encode(value)));
        String payload = ENCODER.encodeToString(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        String signed = VERSION + "." + signer.keyId() + "." + payload;
        String token = signed + "." + ENCODER.encodeToString(mac(signer, signed));
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("invitation " + invitation.tokenId() + ": the token would be "
                    + token.length() + " characters, expected at most " + MAX_TOKEN_LENGTH + "; use fewer attributes");
        }
        return token;
    }

    /**
     * Verifies a token's shape, key, signature and expiry.
     *
     * @param token the token as received
     * @param now the instant to judge expiry at
     * @return the invitation it carries
     * @throws InvitationException if the token is malformed, signed under an unknown key, not authentic or expired
     */
    public Invitation verify(String token, Instant now) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(now, "now");
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw malformed("the token is " + token.length() + " characters, expected at most " + MAX_TOKEN_LENGTH);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw malformed("expected four dot-separated parts starting with '" + VERSION + "'");
        }
        SigningKey key = verifiers.get(parts[1]);
        if (key == null) {
            throw new InvitationException(Reason.UNKNOWN_KEY, null, "no key with the token's key id is configured;"
                    + " expected one of the verifying keys");
        }
        byte[] signature = decode(parts[3]);
        byte[] expected = mac(key, parts[0] + "." + parts[1] + "." + parts[2]);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new InvitationException(Reason.BAD_SIGNATURE, null, "the signature does not match the content;"
                    + " the token was altered or not issued by us");
        }
        Invitation invitation = parsePayload(decode(parts[2]));
        if (invitation.isExpiredAt(now)) {
            throw new InvitationException(Reason.EXPIRED, invitation.tokenId(), "expired at "
                    + invitation.expiresAt() + ", now is " + now);
        }
        return invitation;
    }

    /**
     * Verifies a token as {@link #verify(String, Instant)} does and that it invites to a given survey.
     *
     * @param token the token as received
     * @param surveyId the survey the response answers
     * @param now the instant to judge expiry at
     * @return the invitation it carries
     * @throws InvitationException if the token is malformed, signed under an unknown key, not authentic, expired or
     *     for another survey
     */
    public Invitation verify(String token, String surveyId, Instant now) {
        Objects.requireNonNull(surveyId, "surveyId");
        Invitation invitation = verify(token, now);
        if (!invitation.surveyId().equals(surveyId)) {
            throw new InvitationException(Reason.OTHER_SURVEY, invitation.tokenId(), "the token invites to survey '"
                    + invitation.surveyId() + "', expected survey '" + surveyId + "'");
        }
        return invitation;
    }

    private static Invitation parsePayload(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("the payload is not UTF-8");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            throw malformed("the payload has " + lines.length + " lines, expected at least 4");
        }
        try {
            long epochSecond = Long.parseLong(lines[3]);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 4; i < lines.length; i++) {
                int eq = lines[i].indexOf('=');
                if (eq < 0 || attributes.put(decodeText(lines[i].substring(0, eq)),
                        decodeText(lines[i].substring(eq + 1))) != null) {
                    throw malformed("attribute line " + (i - 3) + " is not a new name=value");
                }
            }
            return new Invitation(decodeText(lines[0]), decodeText(lines[1]), decodeText(lines[2]),
                    Instant.ofEpochSecond(epochSecond), attributes);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw malformed("the payload does not hold a valid invitation");
        }
    }

    private static byte[] mac(SigningKey key, String signed) {
        try {
            Mac mac = Mac.getInstance(SigningKey.ALGORITHM);
            mac.init(key.secret());
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(SigningKey.ALGORITHM + " is required of every Java platform", e);
        }
    }

    /**
     * Decodes a part that must be in canonical form: the decoder also accepts padding and unused low bits in the last
     * character that differ from the encoder's, which would give one token several spellings.
     */
    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("a part is not base64url");
        }
        if (!ENCODER.encodeToString(bytes).equals(base64)) {
            throw malformed("a part is not in canonical unpadded base64url");
        }
        return bytes;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decodeText(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static InvitationException malformed(String message) {
        return new InvitationException(Reason.MALFORMED, null, message);
    }

    /** Builds {@link Invitations}; each setter validates at once; not thread-safe. */
    public static final class Builder {

        private @Nullable SigningKey signer;
        private final Map<String, SigningKey> verifiers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the key that signs new tokens; it also verifies.
         *
         * @param key the signing key
         * @return this builder
         * @throws IllegalStateException if a signing key was already set
         * @throws IllegalArgumentException if another key with the same id was added
         */
        public Builder signWith(SigningKey key) {
            Objects.requireNonNull(key, "key");
            if (signer != null) {
                throw new IllegalStateException("signWith: key '" + signer.keyId() + "' already signs; expected one"
                        + " signing key, add older keys with verifyAlso");
            }
            add(key);
            signer = key;
            return this;
        }

        /**
         * Adds a key that only verifies, for tokens issued before a rotation.
         *
         * @param key the older key
         * @return this builder
         * @throws IllegalArgumentException if another key with the same id was added
         */
        public Builder verifyAlso(SigningKey key) {
            add(Objects.requireNonNull(key, "key"));
            return this;
        }

        private void add(SigningKey key) {
            if (verifiers.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("key id '" + key.keyId() + "' is already used; expected unique"
                        + " key ids");
            }
        }

        /**
         * Builds the issuer and verifier.
         *
         * @return the invitations
         * @throws IllegalStateException if no signing key was set
         */
        public Invitations build() {
            if (signer == null) {
                throw new IllegalStateException("no signing key; call signWith(key) before build()");
            }
            return new Invitations(this);
        }
    }
}
