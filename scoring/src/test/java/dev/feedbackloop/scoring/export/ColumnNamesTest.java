package dev.feedbackloop.scoring.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ColumnNamesTest {

    private static final List<String> HEADER = List.of("reviewId", "score", "at", "repliedAt", "overall_rating",
            "NPS");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "reviewid,reviewId", "REPLIEDAT,repliedAt", "nps,NPS", "scor,score", "scores,score", "overal_ratin,overall_rating",
        "Overall Rating,overall_rating", "repliedat,repliedAt", "id,none", "ta,none", "rating,none", "created,none"})
    void closest_caseInsensitiveMatchOrEditDistanceOfTwo(String name, String expected) {
        assertThat(ColumnNames.closest(name, HEADER)).isEqualTo(expected);
    }

    @Test
    void closest_prefersTheCaseInsensitiveMatchOverANearerSpelling() {
        assertThat(ColumnNames.closest("Plan", List.of("plane", "PLAN"))).isEqualTo("PLAN");
    }

    @ParameterizedTest(name = "distance({0}, {1}) = {2}")
    @CsvSource({"kitten,sitting,3", "abc,abc,0", "abc,ab,1", "ab,ba,2", "'',abc,3", "flaw,lawn,2"})
    void distance_isLevenshteinCappedAboveTheCap(String a, String b, int expected) {
        assertThat(ColumnNames.distance(a, b, 2)).isEqualTo(Math.min(expected, 3));
    }

    @Test
    void list_cutsLongHeadersSayingHowManyMore() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            names.add("c" + i);
        }

        assertThat(ColumnNames.list(names)).startsWith("[c0, c1, ").endsWith(", c39, ... (5 more)]");
        assertThat(ColumnNames.list(List.of("a", "b"))).isEqualTo("[a, b]");
    }
}
