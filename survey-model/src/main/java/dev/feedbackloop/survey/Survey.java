package dev.feedbackloop.survey;

import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One immutable version of a survey definition: id, version, title, optional description and ordered questions.
 *
 * <p>A changed survey is a new version with the same id. Build one with {@link #builder(String, int)}.
 *
 * <p>Besides the checks of each question, a survey is checked as a whole, and every violation is reported at
 * once in a {@link SurveyDefinitionException}: question ids are unique; option ids are unique within their
 * question; CSAT and CES scales have room for a top box; conditions refer only to existing, earlier questions,
 * compare them in a way their type supports ({@code atLeast}/{@code atMost} only on NPS and rating questions) with
 * values they can have (option ids, {@code yes}/{@code no}, points of the scale); and a required question's
 * condition is not one that can never be true. {@link #check(List)} reports the same without throwing; the codes
 * are those of {@link ViolationCode} whose string form starts with {@code definition.}.
 *
 * @param id the survey id, stable across versions
 * @param version the version, from 1
 * @param defaultLanguage the BCP 47 tag of the language of every untranslated text
 * @param title the title
 * @param description an optional description, or {@code null}
 * @param questions the questions in display order; copied; must pass {@link #check(List)}, else the constructor
 *     throws a {@link SurveyDefinitionException}
 */
public record Survey(String id, int version, String defaultLanguage, LocalizedText title,
                     @Nullable LocalizedText description, List<Question> questions) {

    public Survey {
        Questions.requireId(id);
        if (version < 1) {
            throw new IllegalArgumentException("version: " + version + " is not positive");
        }
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        if (defaultLanguage.isBlank()) {
            throw new IllegalArgumentException("defaultLanguage: '" + defaultLanguage
                    + "' is blank; expected a language tag such as \"en\"");
        }
        Objects.requireNonNull(title, "title");
        questions = List.copyOf(questions);
        List<Violation> violations = DefinitionChecks.check(questions);
        if (!violations.isEmpty()) {
            throw new SurveyDefinitionException(id, version, violations);
        }
    }

    /**
     * Checks questions against the definition rules without throwing.
     *
     * @param questions the questions of a survey, in display order
     * @return every violation found, in question order; valid if a survey may have these questions
     */
    public static ValidationResult check(List<Question> questions) {
        return ValidationResult.of(DefinitionChecks.check(List.copyOf(questions)));
    }

    /**
     * Starts a survey definition.
     *
     * @param id the survey id
     * @param version the version, from 1
     * @return a builder
     */
    public static Builder builder(String id, int version) {
        return new Builder(id, version);
    }

    /**
     * Returns the question with an id; {@link #findQuestion(String)} is its twin for a question that may be absent.
     *
     * @param questionId the question id
     * @return the question
     * @throws NotFoundException if the survey has no such question, naming the id and this survey
     */
    public Question question(String questionId) {
        return findQuestion(questionId).orElseThrow(() -> new NotFoundException("question", questionId,
                "survey " + id + " v" + version));
    }

    /**
     * Looks up a question by id; {@link #question(String)} is its twin that throws when the question is absent.
     *
     * @param questionId the question id
     * @return the question, or empty when the survey has no such question
     */
    public Optional<Question> findQuestion(String questionId) {
        Objects.requireNonNull(questionId, "questionId");
        for (Question question : questions) {
            if (question.id().equals(questionId)) {
                return Optional.of(question);
            }
        }
        return Optional.empty();
    }

    /** Builds a {@link Survey}; not thread-safe. */
    public static final class Builder {

        private final String id;
        private final int version;
        private String defaultLanguage = "en";
        private @Nullable LocalizedText title;
        private @Nullable LocalizedText description;
        private final List<Question> questions = new ArrayList<>();

        private Builder(String id, int version) {
            this.id = Questions.requireId(id);
            if (version < 1) {
                throw new IllegalArgumentException("version: " + version + " is not positive");
            }
            this.version = version;
        }

        /**
         * Sets the language of untranslated text; default {@code "en"}.
         *
         * @param language a BCP 47 language tag
         * @return this builder
         */
        public Builder defaultLanguage(String language) {
            this.defaultLanguage = Objects.requireNonNull(language, "language");
            return this;
        }

        /**
         * Sets the title.
         *
         * @param title the title in the default language
         * @return this builder
         */
        public Builder title(String title) {
            return title(LocalizedText.of(title));
        }

        /**
         * Sets the title.
         *
         * @param title the title with translations
         * @return this builder
         */
        public Builder title(LocalizedText title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the description with translations
         * @return this builder
         */
        public Builder description(LocalizedText description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Appends a question.
         *
         * @param question the next question
         * @return this builder
         */
        public Builder question(Question question) {
            questions.add(Objects.requireNonNull(question, "question"));
            return this;
        }

        /**
         * Appends questions.
         *
         * @param questions the next questions, in order
         * @return this builder
         */
        public Builder questions(List<? extends Question> questions) {
            questions.forEach(this::question);
            return this;
        }

        /**
         * Checks the questions added so far against the definition rules without throwing.
         *
         * @return every violation found; valid if {@link #build()} would succeed once a title is set
         * @see Survey#check(List)
         */
        public ValidationResult check() {
            return Survey.check(questions);
        }

        /**
         * Builds the survey, checking the whole definition.
         *
         * @return the survey
         * @throws IllegalStateException if no title was set
         * @throws SurveyDefinitionException carrying every violation, if the questions break a definition rule
         */
        public Survey build() {
            if (title == null) {
                throw new IllegalStateException("survey " + id + " v" + version + ": title is not set");
            }
            return new Survey(id, version, defaultLanguage, title, description, questions);
        }
    }
}
