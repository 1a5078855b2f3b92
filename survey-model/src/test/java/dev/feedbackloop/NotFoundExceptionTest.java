package dev.feedbackloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class NotFoundExceptionTest {

    @Test
    void kindAndId_makeTheMessage_andStayAsData() {
        NotFoundException e = new NotFoundException("follow-up", "f-1");

        assertThat(e).hasMessage("follow-up 'f-1' does not exist").isInstanceOf(FeedbackLoopException.class);
        assertThat(e.kind()).isEqualTo("follow-up");
        assertThat(e.id()).isEqualTo("f-1");
    }

    @Test
    void where_isAddedToTheMessage() {
        NotFoundException e = new NotFoundException("question", "why", "survey onboarding v2");

        assertThat(e).hasMessage("question 'why' does not exist in survey onboarding v2");
        assertThat(e.kind()).isEqualTo("question");
        assertThat(e.id()).isEqualTo("why");
    }

    @Test
    void nullParts_areRejectedNamingThem() {
        assertThatThrownBy(() -> new NotFoundException(null, "x")).isInstanceOf(NullPointerException.class)
                .hasMessage("kind");
        assertThatThrownBy(() -> new NotFoundException("question", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("id");
        assertThatThrownBy(() -> new NotFoundException("question", "x", null))
                .isInstanceOf(NullPointerException.class).hasMessage("where");
    }
}
