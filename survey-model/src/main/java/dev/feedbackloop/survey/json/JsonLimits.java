package dev.feedbackloop.survey.json;

/**
 * Limits on JSON input that keep hostile documents from exhausting memory or stack. Immutable.
 *
 * <p>Input beyond a limit is rejected with a {@link SurveyJsonException} before it is mapped.
 *
 * @param maxDocumentLength the longest document, in characters for text input and bytes for byte input; positive
 * @param maxNestingDepth the deepest nesting of arrays and objects; positive
 * @param maxStringLength the longest string value, in characters; positive
 * @param maxNumberLength the longest number, in characters; positive
 */
public record JsonLimits(int maxDocumentLength, int maxNestingDepth, int maxStringLength, int maxNumberLength) {

    private static final JsonLimits STANDARD = new JsonLimits(4 * 1024 * 1024, 64, 1_000_000, 32);

    public JsonLimits {
        requirePositive(maxDocumentLength, "maxDocumentLength");
        requirePositive(maxNestingDepth, "maxNestingDepth");
        requirePositive(maxStringLength, "maxStringLength");
        requirePositive(maxNumberLength, "maxNumberLength");
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": " + value + " is not positive");
        }
    }

    /**
     * Returns the standard limits: documents of 4 MiB, nesting depth 64, strings of 1,000,000 characters (room for
     * the longest text answer, 100,000 code points), numbers of 32 characters.
     *
     * @return the standard limits
     */
    public static JsonLimits standard() {
        return STANDARD;
    }
}
