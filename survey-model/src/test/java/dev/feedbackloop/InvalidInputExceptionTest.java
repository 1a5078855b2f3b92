package dev.feedbackloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.survey.validation.StorableText;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

final class InvalidInputExceptionTest {

    @Test
    void fieldAndProblem_makeTheMessage_andTheFieldStaysAsData() {
        InvalidInputException e = new InvalidInputException("note", "is blank; expected a text");

        assertThat(e).hasMessage("note: is blank; expected a text").isInstanceOf(FeedbackLoopException.class);
        assertThat(e.field()).isEqualTo("note");
    }

    @Test
    void storableTextRequire_refusesNulAndLength_withTheFieldButNotTheText() {
        assertThatThrownBy(() -> StorableText.require("called \u0000 secret", "contact.note", 100))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("contact.note"))
                .hasMessageContaining("NUL").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> StorableText.require("secret words", "note", 3))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("note"))
                .hasMessageContaining("12 code points").hasMessageNotContaining("secret");
    }

    @Test
    void theRootOfTheFamily_isAbstract_soEveryFailureSaysItsKind() {
        assertThat(Modifier.isAbstract(FeedbackLoopException.class.getModifiers())).isTrue();
    }
}
