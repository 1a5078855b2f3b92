package dev.feedbackloop.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.examples.charts.Charts;
import dev.feedbackloop.examples.charts.Figures;
import dev.feedbackloop.examples.charts.Standing;
import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.NpsTally;
import dev.feedbackloop.scoring.RatingTally;
import dev.feedbackloop.scoring.Score;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

final class FindingsTest {

    private static final Instant OPENED = Instant.parse("2025-06-02T08:00:00Z");
    private static final Instant DUE = OPENED.plus(Duration.ofHours(8));
    private static final Instant AS_OF = OPENED.plus(Duration.ofDays(3));

    @Test
    void standing_putsEveryFollowUpInExactlyOnePart() {
        FollowUp resolvedOnTime = open("r1").contact(Contact.of("phone", "ana", OPENED.plusSeconds(600), null))
                .resolve(Resolution.of("fixed", "bug", "ana", OPENED.plusSeconds(7200), null));
        FollowUp closedAfterLateContact = open("r2").contact(Contact.of("email", "ben", DUE.plusSeconds(60), null))
                .close(Closure.of("customer-unresponsive", "ben", DUE.plusSeconds(3600), null));
        FollowUp closedUnreached = open("r3").close(Closure.of("no-contact-possible", "ben", DUE.plusSeconds(60),
                null));
        FollowUp awaiting = open("r4").contact(Contact.of("phone", "ana", OPENED.plusSeconds(60), null));
        FollowUp overdue = open("r5");
        FollowUp notYetDue = FollowUp.open("r6", "s", "p", "why", Priority.HIGH, "cs", "c1", Map.of(), AS_OF,
                AS_OF.plus(Duration.ofHours(4)), null);
        Standing standing = Standing.of(List.of(resolvedOnTime, closedAfterLateContact,
                closedUnreached, awaiting, overdue, notYetDue), AS_OF);
        assertThat(standing).isEqualTo(new Standing(1, 1, 1, 1, 1, 1, 2, AS_OF.plus(Duration.ofHours(4))));
        assertThat(standing.needed()).isEqualTo(6);
        assertThat(standing.contacted()).isEqualTo(3);
        assertThat(standing.contactedLate()).isEqualTo(1);
        assertThat(standing.notContacted()).isEqualTo(3);
    }

    @Test
    void mostUrgentFirst_ordersByPriorityThenLateness() {
        var urgentButRecent = overdueItem("a", Priority.URGENT, Duration.ofHours(3));
        var highAndOld = overdueItem("b", Priority.HIGH, Duration.ofDays(200));
        var highAndNewer = overdueItem("c", Priority.HIGH, Duration.ofDays(20));
        var normalAndOldest = overdueItem("d", Priority.NORMAL, Duration.ofDays(300));
        var items = new ArrayList<>(List.of(normalAndOldest, highAndNewer, urgentButRecent, highAndOld));
        items.sort(Findings.MOST_URGENT_FIRST);
        assertThat(items).containsExactly(urgentButRecent, highAndOld, highAndNewer, normalAndOldest);
    }

    @Test
    void rating_namesTheScaleOfEachSurvey() {
        Scenario scenario = Scenario.generate(1);
        Respondent who = Respondent.of("C0001", Map.of());
        assertThat(Findings.rating(Response.builder("n", scenario.npsSurvey(), OPENED).respondent(who)
                .answer(Scenario.NPS, Answer.rating(3)).build())).isEqualTo("NPS 3");
        assertThat(Findings.rating(Response.builder("c", scenario.csatSurvey(), OPENED).respondent(who)
                .answer(Scenario.CSAT, Answer.rating(1)).build())).isEqualTo("CSAT 1 of 5");
        assertThat(Findings.rating(Response.builder("e", scenario.cesSurvey(), OPENED).respondent(who)
                .answer(Scenario.CES, Answer.rating(2)).build())).isEqualTo("CES 2 of 7");
    }

    @Test
    void verbatim_isTheCommentOrWhatWentWrong_orEmpty() {
        Scenario scenario = Scenario.generate(1);
        Respondent who = Respondent.of("C0001", Map.of());
        assertThat(Findings.verbatim(Response.builder("n", scenario.npsSurvey(), OPENED).respondent(who)
                .answer(Scenario.NPS, Answer.rating(3)).answer(Scenario.REASON, Answer.text("Too slow")).build()))
                .isEqualTo("Too slow");
        assertThat(Findings.verbatim(Response.builder("e", scenario.cesSurvey(), OPENED).respondent(who)
                .answer(Scenario.CES, Answer.rating(2))
                .answer(Scenario.WHAT_WENT_WRONG, Answer.choice("slow-response", "passed-around")).build()))
                .isEqualTo("What went wrong: slow-response, passed-around");
        assertThat(Findings.verbatim(Response.builder("c", scenario.csatSurvey(), OPENED).respondent(who)
                .answer(Scenario.CSAT, Answer.rating(1)).build())).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2025-12, true", "2025-11, false", "2025-01, false", "2026-01, false"})
    void isCutShort_onlyTheMonthTheYearEndsIn(String month, boolean expected) {
        assertThat(Scenario.isCutShort(YearMonth.parse(month))).isEqualTo(expected);
    }

    private static FollowUp open(String responseId) {
        return FollowUp.open(responseId, "s", "p", "why", Priority.HIGH, "cs", "c1", Map.of(), OPENED, DUE, null);
    }

    private static Findings.OverdueItem overdueItem(String id, Priority priority, Duration late) {
        return new Findings.OverdueItem(id, "customer", "owner", priority, "why", "NPS 3", OPENED, late, "");
    }

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
            double[] headline = Figures.headline(score);
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
        assertThat(Figures.headline(nps.score())[0]).isEqualTo(25.0);
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
