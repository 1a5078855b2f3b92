package dev.feedbackloop.core.invitation;

import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.validation.StorableText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a signed invitation promises: that one customer may answer one survey once, until an expiry, with segment
 * attributes that the host vouches for. Immutable.
 *
 * <p>Checked on construction: ids are non-blank, without NUL or unpaired surrogates, and at most
 * {@value Response#MAX_ID_LENGTH} characters (the customer id at most {@value Respondent#MAX_CUSTOMER_ID_LENGTH}), the
 * expiry is kept to whole seconds (finer digits are dropped), and there are at most
 * {@value Respondent#MAX_ATTRIBUTES} attributes with names of 1 to {@value Respondent#MAX_ATTRIBUTE_NAME_LENGTH} and
 * values of at most {@value Respondent#MAX_ATTRIBUTE_VALUE_LENGTH} characters.
 *
 * @param tokenId the unique id of this invitation, the key under which its redemption is recorded
 * @param surveyId the survey the customer may answer
 * @param customerId the customer invited
 * @param expiresAt the instant from which the invitation is refused, in whole seconds: a token is valid strictly
 *     before it
 * @param attributes segment attributes that the response will carry instead of any the request names; copied
 */
public record Invitation(String tokenId, String surveyId, String customerId, Instant expiresAt,
                         Map<String, String> attributes) {

    public Invitation {
        requireId(tokenId, "tokenId", Response.MAX_ID_LENGTH);
        requireId(surveyId, "surveyId", Response.MAX_ID_LENGTH);
        requireId(customerId, "customerId", Respondent.MAX_CUSTOMER_ID_LENGTH);
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.SECONDS);
        attributes = Map.copyOf(attributes);
        if (attributes.size() > Respondent.MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("attributes: " + attributes.size() + " is more than "
                    + Respondent.MAX_ATTRIBUTES);
        }
        attributes.forEach((name, value) -> {
            if (name.isEmpty() || name.length() > Respondent.MAX_ATTRIBUTE_NAME_LENGTH) {
                throw new IllegalArgumentException("attributes: name of " + name.length()
                        + " characters is outside 1.." + Respondent.MAX_ATTRIBUTE_NAME_LENGTH);
            }
            if (value.length() > Respondent.MAX_ATTRIBUTE_VALUE_LENGTH) {
                throw new IllegalArgumentException("attributes." + name + ": value of " + value.length()
                        + " characters is longer than " + Respondent.MAX_ATTRIBUTE_VALUE_LENGTH);
            }
        });
    }

    private static void requireId(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + ": '" + (value.length() > 40 ? value.substring(0, 40) + "..."
                    : value) + "' is blank or longer than " + max + " characters");
        }
        StorableText.require(value, name, max);
    }

    /**
     * Returns an invitation with a new random token id and no attributes.
     *
     * @param surveyId the survey
     * @param customerId the customer
     * @param expiresAt the expiry
     * @return the invitation
     */
    public static Invitation of(String surveyId, String customerId, Instant expiresAt) {
        return new Invitation(UUID.randomUUID().toString(), surveyId, customerId, expiresAt, Map.of());
    }

    /**
     * Returns this invitation with other attributes.
     *
     * @param newAttributes the segment attributes
     * @return a new invitation with the same token id
     */
    public Invitation withAttributes(Map<String, String> newAttributes) {
        return new Invitation(tokenId, surveyId, customerId, expiresAt, newAttributes);
    }

    /**
     * Returns the respondent that a response redeemed with this invitation carries.
     *
     * @return the customer with the invitation's attributes
     */
    public Respondent respondent() {
        return Respondent.of(customerId, attributes);
    }

    /**
     * Returns whether the invitation has expired at an instant: at {@link #expiresAt()} and after (the expiry is
     * exclusive).
     *
     * @param now the instant
     * @return {@code true} if expired
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
