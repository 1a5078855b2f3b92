package dev.feedbackloop.survey;

import java.util.Map;
import java.util.Objects;

/**
 * A piece of survey text in its default language plus optional translations, keyed by BCP 47 language tag.
 *
 * <p>{@link #in(String)} falls back to the default text when a translation is missing. Immutable.
 *
 * @param text the text in the survey's default language; never blank
 * @param translations translations by language tag (for example {@code "de"}, {@code "pt-BR"}); copied
 */
public record LocalizedText(String text, Map<String, String> translations) {

    public LocalizedText {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        translations = Map.copyOf(translations);
        translations.forEach((language, translated) -> {
            if (language.isBlank() || translated.isBlank()) {
                throw new IllegalArgumentException("translation '" + language + "' must not be blank");
            }
        });
    }

    /**
     * Returns untranslated text.
     *
     * @param text the text in the default language
     * @return the localized text
     */
    public static LocalizedText of(String text) {
        return new LocalizedText(text, Map.of());
    }

    /**
     * Returns this text with one more translation.
     *
     * @param language a BCP 47 language tag
     * @param translated the text in that language
     * @return a new value; this one is unchanged
     */
    public LocalizedText with(String language, String translated) {
        var copy = new java.util.HashMap<>(translations);
        copy.put(language, translated);
        return new LocalizedText(text, copy);
    }

    /**
     * Returns the text in a language, or the default text when there is no translation for it.
     *
     * @param language a BCP 47 language tag
     * @return the translated or the default text
     */
    public String in(String language) {
        return translations.getOrDefault(language, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
