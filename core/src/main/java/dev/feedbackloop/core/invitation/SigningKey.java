package dev.feedbackloop.core.invitation;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * A host secret that signs or verifies invitation tokens with HMAC-SHA256, named by a key id that travels in the
 * token so that several keys can verify while one signs (rotation). Immutable and thread-safe; the secret is copied
 * in and never printed by {@link #toString()}.
 *
 * <p>The key id is 1 to {@value #MAX_KEY_ID_LENGTH} characters of {@code A-Z a-z 0-9 _ -}; the secret is at least
 * {@value #MIN_SECRET_BYTES} bytes (the HMAC-SHA256 output size), ideally from a {@link java.security.SecureRandom}
 * and kept in the host's secret store.
 */
public final class SigningKey {

    /** The shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;
    /** The longest key id accepted, in characters. */
    public static final int MAX_KEY_ID_LENGTH = 32;

    static final String ALGORITHM = "HmacSHA256";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_KEY_ID_LENGTH + "}");

    private final String keyId;
    private final SecretKeySpec secret;

    private SigningKey(String keyId, byte[] secret) {
        this.keyId = keyId;
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    /**
     * Returns a key.
     *
     * @param keyId the key id, 1 to {@value #MAX_KEY_ID_LENGTH} characters of {@code A-Z a-z 0-9 _ -}
     * @param secret the secret, at least {@value #MIN_SECRET_BYTES} bytes; copied
     * @return the key
     * @throws IllegalArgumentException if the key id or the secret does not fit
     */
    public static SigningKey of(String keyId, byte[] secret) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("keyId: '" + keyId + "' is not 1 to " + MAX_KEY_ID_LENGTH
                    + " characters of A-Z a-z 0-9 _ -");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret of key '" + keyId + "': " + secret.length
                    + " bytes is too short, expected at least " + MIN_SECRET_BYTES);
        }
        return new SigningKey(keyId, Arrays.copyOf(secret, secret.length));
    }

    /**
     * Returns the key id.
     *
     * @return the key id
     */
    public String keyId() {
        return keyId;
    }

    SecretKeySpec secret() {
        return secret;
    }

    /**
     * Returns the key id only; the secret is never printed.
     *
     * @return {@code SigningKey[keyId]}
     */
    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
