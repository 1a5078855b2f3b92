package dev.feedbackloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AnswerTest {

    private static List<String> options(int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            ids.add("o" + i);
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 8, 9, 50})
    void choice_withDistinctOptions_isAccepted(int count) {
        assertThat(new Answer.Choice(options(count), null).optionIds()).hasSize(count);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 9, 50})
    void choice_repeatingTheLastOption_isRejected(int count) {
        List<String> ids = options(count);
        ids.set(count - 1, "o0");

        assertThatThrownBy(() -> new Answer.Choice(ids, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("optionIds: [o0, ").hasMessageEndingWith("] repeats an option");
    }
}
