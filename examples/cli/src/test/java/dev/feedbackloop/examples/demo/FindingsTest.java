package dev.feedbackloop.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.NpsTally;
import dev.feedbackloop.scoring.RatingTally;
import dev.feedbackloop.scoring.Score;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

final class FindingsTest {

    @Test
    void headline_coversEveryScoreType() {
        var nps = new NpsTally();
        nps.add(10);
        nps.add(3);
        CsatTally csat = CsatTally.of(5);
        csat.add(5);
        CesTally ces = CesTally.agreement(7);
        ces.add(6);
        RatingTally rating = RatingTally.of(1, 10);
        rating.add(7);
        List<Score> scores = List.of(nps.score(), csat.score(), ces.score(), rating.score());
        var covered = new ArrayList<Class<?>>();
        for (Score score : scores) {
            double[] headline = Findings.headline(score);
            assertThat(headline).hasSize(3);
            assertThat(headline[1]).isLessThanOrEqualTo(headline[0]);
            assertThat(headline[2]).isGreaterThanOrEqualTo(headline[0]);
            covered.add(score.getClass());
        }
        assertThat(covered).containsExactlyInAnyOrder(Score.class.getPermittedSubclasses());
    }

    @Test
    void headline_ofNps_isThePointScore() {
        var nps = new NpsTally();
        nps.add(10);
        nps.add(10);
        nps.add(0);
        nps.add(8);
        assertThat(Findings.headline(nps.score())[0]).isEqualTo(25.0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TouchKind.class)
    void isHumanContact_onlyWhenSomeoneReachedOut(TouchKind kind) {
        boolean expected = kind == TouchKind.CALL || kind == TouchKind.MEETING || kind == TouchKind.MESSAGE
                || kind == TouchKind.FOLLOW_UP_CONTACT;
        assertThat(Findings.isHumanContact(kind)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2025-01,Jan", "2025-12,Dec", "2025-Q1,2025-Q1", "2025-13,2025-13"})
    void monthName_ofPeriodLabels(String period, String expected) {
        assertThat(Charts.monthName(period)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db/x?user=u&password=secret|jdbc:postgresql://db/x?user=u&password=***",
        "jdbc:h2:mem:x;PASSWORD=pw;X=1|jdbc:h2:mem:x;PASSWORD=***;X=1",
        "jdbc:h2:file:/tmp/demo|jdbc:h2:file:/tmp/demo"
    })
    void redacted_hidesPasswords(String url, String expected) {
        assertThat(DemoDatabase.redacted(url)).isEqualTo(expected);
    }
}
