package dev.feedbackloop.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.scoring.CalendarPeriod;
import dev.feedbackloop.scoring.CesScore;
import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.CsatScore;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.NpsTally;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.RatingScore;
import dev.feedbackloop.scoring.RatingTally;
import dev.feedbackloop.scoring.Score;
import dev.feedbackloop.scoring.ScoringException;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Polarity;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.testing.Seeds;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Seeds.class)
final class ScorecardTest {

    static final Instant MARCH = Instant.parse("2024-03-05T10:00:00Z");
    static final Instant APRIL = Instant.parse("2024-04-10T10:00:00Z");

    static Survey survey(int version) {
        return Survey.builder("relationship", version).title("Relationship survey")
                .question(NpsQuestion.standard("nps"))
                .question(RatingQuestion.csat("csat", "How satisfied are you?", 5))
                .question(RatingQuestion.builder("effort", "How much effort?").cesEffort(Scale.of(1, 7)).optional()
                        .build())
                .question(RatingQuestion.builder("value", "Value for money")
                        .generic(Scale.of(0, 10), Polarity.HIGHER_IS_BETTER).optional().build())
                .question(TextQuestion.optional("why", "Why?"))
                .build();
    }

    static int sequence;

    static Response response(int version, Instant at, Map<String, String> attributes, Map<String, Answer> answers) {
        return new Response("r" + (++sequence), "relationship", version, Respondent.of("c" + sequence, attributes),
                at, "email", answers, List.of());
    }

    static Response nps(int rating, Instant at, String plan, String region) {
        Map<String, String> attributes = new HashMap<>();
        if (plan != null) {
            attributes.put("plan", plan);
        }
        if (region != null) {
            attributes.put("region", region);
        }
        return response(1, at, attributes, Map.of("nps", Answer.rating(rating)));
    }

    @Nested
    final class Overall {

        @Test
        void score_overall_scoresEveryNpsAndRatingQuestionAsItsKind() {
            ScorecardSpec spec = ScorecardSpec.builder(survey(1)).build();
            Scorecard card = spec.score(List.of(
                    response(1, MARCH, Map.of(), Map.of("nps", Answer.rating(10), "csat", Answer.rating(4),
                            "effort", Answer.rating(2), "value", Answer.rating(0), "why", Answer.text("great"))),
                    response(1, MARCH, Map.of(), Map.of("nps", Answer.rating(3), "csat", Answer.rating(2))),
                    response(1, MARCH, Map.of(), Map.of())));

            assertThat(card.questionIds()).containsExactly("nps", "csat", "effort", "value");
            assertThat(card.responses()).isEqualTo(3);
            assertThat(card.groups()).isEmpty();
            NpsScore nps = card.overall().score("nps", NpsScore.class);
            assertThat(nps.n()).isEqualTo(2);
            assertThat(nps.score()).isEqualTo(0.0);
            CsatScore csat = card.overall().score("csat", CsatScore.class);
            assertThat(csat.satisfied()).isEqualTo(1);
            CesScore effort = card.overall().score("effort", CesScore.class);
            assertThat(effort.agree()).isEqualTo(1); // 2 is in the bottom three of a lower-is-better scale
            assertThat(effort.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
            RatingScore value = card.overall().score("value", RatingScore.class);
            assertThat(value.mean()).isEqualTo(0.0);
            assertThat(card.overall().result("nps").change()).isNull();
        }

        @Test
        void result_ofUnscoredQuestion_throwsNotFound_andFindResultIsEmpty() {
            Scorecard card = ScorecardSpec.builder(survey(1)).build().score(List.of(nps(9, MARCH, "pro", "EU")));

            assertThat(card.overall().findResult("nps")).contains(card.overall().result("nps"));
            assertThat(card.overall().findResult("why")).isEmpty();
            assertThatThrownBy(() -> card.overall().result("why")).isInstanceOf(NotFoundException.class)
                    .hasMessage("scored question 'why' does not exist in this scorecard, which scores"
                            + " [nps, csat, effort, value]");
        }

        @Test
        void score_asAnotherType_isRejectedNamingBothTypes() {
            Scorecard card = ScorecardSpec.builder(survey(1)).build().score(List.of(nps(9, MARCH, "pro", "EU")));

            assertThatThrownBy(() -> card.overall().score("nps", CsatScore.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("type: question 'nps' is scored as NpsScore, not CsatScore");
        }

        @Test
        void add_responseToAnotherSurvey_isRejected_andCountsNothing() {
            ScorecardTally tally = ScorecardSpec.builder(survey(1)).build().newTally();
            Response other = new Response("x1", "onboarding", 1, Respondent.anonymous(), MARCH, "web", Map.of(),
                    List.of());
            assertThatThrownBy(() -> tally.add(other)).isInstanceOf(ScoringException.class)
                    .hasMessageContaining("x1").hasMessageContaining("onboarding");
            assertThat(tally.responses()).isZero();
        }

        @Test
        void add_responseOfUnpooledVersion_isRejected() {
            ScorecardTally tally = ScorecardSpec.builder(survey(1)).build().newTally();
            Response v2 = response(2, MARCH, Map.of(), Map.of("nps", Answer.rating(9)));
            assertThatThrownBy(() -> tally.add(v2)).isInstanceOf(ScoringException.class)
                    .hasMessageContaining("v2").hasMessageContaining("[1]");
        }

        @Test
        void add_ratingOffTheQuestionsScale_isRejectedAtomically() {
            ScorecardTally tally = ScorecardSpec.builder(survey(1)).build().newTally();
            Response bad = response(1, MARCH, Map.of(), Map.of("nps", Answer.rating(9), "csat", Answer.rating(7)));
            assertThatThrownBy(() -> tally.add(bad)).isInstanceOf(ScoringException.class)
                    .hasMessageContaining("'csat'").hasMessageContaining("7 is outside 1..5");
            assertThat(tally.responses()).isZero();
            assertThat(tally.result().overall().score("nps", NpsScore.class).n()).isZero();
        }

        @Test
        void add_textAnswerToScoredQuestion_isRejected() {
            ScorecardTally tally = ScorecardSpec.builder(survey(1)).build().newTally();
            Response bad = response(1, MARCH, Map.of(), Map.of("nps", Answer.text("ten")));
            assertThatThrownBy(() -> tally.add(bad)).isInstanceOf(ScoringException.class)
                    .hasMessageContaining("expected a rating answer");
        }

        @Test
        void questions_selectsASubsetInSurveyOrder() {
            ScorecardSpec spec = ScorecardSpec.builder(survey(1)).questions("value", "nps").build();
            assertThat(spec.questionIds()).containsExactly("nps", "value");
            assertThatThrownBy(() -> ScorecardSpec.builder(survey(1)).questions("why").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'why'");
        }
    }

    @Nested
    final class Pooling {

        @Test
        void pool_compatibleVersion_scoresBothVersions() {
            Survey v2 = Survey.builder("relationship", 2).title("Relationship survey, reworded")
                    .question(NpsQuestion.standard("nps")).build();
            ScorecardSpec spec = ScorecardSpec.builder(survey(1)).pool(v2).build();
            Scorecard card = spec.score(List.of(nps(10, MARCH, "pro", "EU"),
                    response(2, MARCH, Map.of(), Map.of("nps", Answer.rating(0)))));
            assertThat(card.versions()).containsExactly(1, 2);
            assertThat(card.overall().score("nps", NpsScore.class).n()).isEqualTo(2);
        }

        @Test
        void pool_versionWithChangedScale_isRefused() {
            Survey v2 = Survey.builder("relationship", 2).title("Relationship survey")
                    .question(NpsQuestion.standard("nps"))
                    .question(RatingQuestion.csat("csat", "How satisfied are you?", 7)).build();
            assertThatThrownBy(() -> ScorecardSpec.builder(survey(1)).pool(v2).build())
                    .isInstanceOf(ScoringException.class).hasMessageContaining("v2 cannot be pooled");
        }

        @Test
        void compatibility_canBeReplaced() {
            Survey v2 = Survey.builder("relationship", 2).title("Relationship survey")
                    .question(RatingQuestion.csat("csat", "How satisfied are you?", 7)).build();
            ScorecardSpec spec = ScorecardSpec.builder(survey(1)).pool(v2).compatibility((a, b) -> true).build();
            assertThat(spec.versions()).containsExactly(1, 2);
        }
    }

    @Nested
    final class Groups {

        @Test
        void groups_areSortedBySegmentByCodePointNullLast_thenPeriod() {
            ScorecardSpec spec = ScorecardSpec.builder(survey(1)).groupBy("plan").period(Period.MONTH).build();
            Scorecard card = spec.score(List.of(
                    nps(9, APRIL, "pro", null), nps(9, MARCH, "pro", null), nps(9, MARCH, null, null),
                    nps(9, MARCH, "\uD83D\uDE00", null), nps(9, MARCH, "\uFF21", null), nps(9, MARCH, "basic", null)));
            List<String> order = new ArrayList<>();
            for (Scorecard.Group group : card.groups()) {
                order.add(group.segment() + "/" + group.period());
            }
            // U+FF21 sorts before U+1F600 by code point, though not by UTF-16 code unit
            assertThat(order).containsExactly("[basic]/2024-03", "[pro]/2024-03", "[pro]/2024-04", "[\uFF21]/2024-03",
                    "[\uD83D\uDE00]/2024-03", "[(missing)]/2024-03");
        }

        @Test
        void groups_byTwoAttributes_keepEachCombination() {
            ScorecardSpec spec = ScorecardSpec.builder(survey(1)).groupBy("plan", "region").build();
            Scorecard card = spec.score(List.of(nps(10, MARCH, "pro", "EU"), nps(0, MARCH, "pro", "US"),
                    nps(10, MARCH, "pro", "EU"), nps(8, MARCH, "pro", null)));
            assertThat(card.groups()).hasSize(3);
            Scorecard.Group proEu = card.group(Segment.of("pro", "EU"));
            assertThat(proEu.responses()).isEqualTo(2);
            assertThat(proEu.score("nps", NpsScore.class).score()).isEqualTo(100.0);
            assertThat(card.findGroup(Segment.of("pro").andMissing())).isPresent();
            assertThat(card.findGroup(Segment.of("basic", "EU"))).isEmpty();
            assertThat(card.groups()).allSatisfy(group -> assertThat(group.period()).isNull());
        }

        @Test
        void period_isFoundOnlyWhenGroupingByPeriod() {
            ScorecardSpec monthly = ScorecardSpec.builder(survey(1)).period(Period.MONTH).build();
            ScorecardSpec overall = ScorecardSpec.builder(survey(1)).build();

            assertThat(monthly.period()).isEqualTo(Period.MONTH);
            assertThat(monthly.findPeriod()).contains(Period.MONTH);
            assertThat(overall.findPeriod()).isEmpty();
            assertThatThrownBy(overall::period).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not group by period");
        }

        @Test
        void periods_useTheZonesCalendar() {
            Instant lateMarchUtc = Instant.parse("2024-03-31T23:30:00Z");
            ScorecardSpec paris = ScorecardSpec.builder(survey(1)).period(Period.MONTH, ZoneId.of("Europe/Paris"))
                    .build();
            ScorecardSpec utc = ScorecardSpec.builder(survey(1)).period(Period.MONTH).build();
            assertThat(paris.score(List.of(nps(9, lateMarchUtc, null, null))).groups().get(0).period())
                    .isEqualTo(CalendarPeriod.month(YearMonth.of(2024, 4)));
            assertThat(utc.score(List.of(nps(9, lateMarchUtc, null, null))).groups().get(0).period())
                    .isEqualTo(CalendarPeriod.month(YearMonth.of(2024, 3)));
        }

        @Test
        void periods_carryTheirChangeFromThePreviousPeriodWithAnswers() {
            ScorecardSpec spec = ScorecardSpec.builder(survey(1)).groupBy("plan").period(Period.MONTH).build();
            List<Response> responses = new ArrayList<>();
            // March: 120 promoters, 50 passives, 30 detractors (NPS 45); May: 150/90/60 (NPS 30); April empty
            addNps(responses, MARCH, 120, 50, 30);
            responses.add(response(1, APRIL, Map.of("plan", "pro"), Map.of("csat", Answer.rating(5))));
            addNps(responses, Instant.parse("2024-05-02T00:00:00Z"), 150, 90, 60);
            Scorecard card = spec.score(responses);

            CalendarPeriod marchPeriod = CalendarPeriod.month(YearMonth.of(2024, 3));
            Scorecard.QuestionResult march = card.group(Segment.of("pro"), marchPeriod).result("nps");
            Scorecard.QuestionResult april = card.group(Segment.of("pro"), marchPeriod.next()).result("nps");
            Scorecard.QuestionResult may = card.group(Segment.of("pro"), CalendarPeriod.parse("2024-05")).result("nps");
            assertThat(march.change()).isNull();
            assertThat(april.change()).isNull();
            assertThat(may.previousPeriod()).isEqualTo(marchPeriod);
            assertThat(may.change()).isNotNull();
            assertThat(may.change().difference()).isCloseTo(-15, within(1e-9));
            assertThat(may.change().pValue()).isCloseTo(0.0298804479308224, within(1e-12));
        }

        private void addNps(List<Response> into, Instant at, int promoters, int passives, int detractors) {
            for (int i = 0; i < promoters + passives + detractors; i++) {
                int rating = i < promoters ? 9 : i < promoters + passives ? 7 : 3;
                into.add(nps(rating, at, "pro", null));
            }
        }
    }

    @Nested
    final class Lookups {

        private final CalendarPeriod march = CalendarPeriod.month(YearMonth.of(2024, 3));

        @Test
        void missingSegment_findsTheRespondentsWithoutTheAttribute() {
            Scorecard card = ScorecardSpec.builder(survey(1)).groupBy("plan").build()
                    .score(List.of(nps(10, MARCH, "pro", null), nps(0, MARCH, null, null)));

            assertThat(card.group(Segment.missing()).score("nps", NpsScore.class).score()).isEqualTo(-100.0);
            assertThat(card.group(Segment.of("pro")).responses()).isEqualTo(1);
        }

        @Test
        void periodOnly_isFoundByItsPeriod() {
            Scorecard card = ScorecardSpec.builder(survey(1)).period(Period.MONTH).build()
                    .score(List.of(nps(10, MARCH, "pro", null), nps(9, APRIL, "pro", null)));

            assertThat(card.group(march).responses()).isEqualTo(1);
            assertThat(card.findGroup(march.next())).isPresent();
            assertThat(card.findGroup(march.previous())).isEmpty();
            assertThatThrownBy(() -> card.group(march.previous())).isInstanceOf(NotFoundException.class)
                    .hasMessage("group '2024-02' does not exist in the scorecard of survey relationship; no response"
                            + " fell in it");
        }

        @Test
        void segmentAndPeriod_isFoundByBoth_andItsAbsenceNamesBoth() {
            Scorecard card = ScorecardSpec.builder(survey(1)).groupBy("plan", "region").period(Period.MONTH).build()
                    .score(List.of(nps(10, MARCH, "pro", "EU")));

            assertThat(card.group(Segment.of("pro", "EU"), march).responses()).isEqualTo(1);
            assertThatThrownBy(() -> card.group(Segment.of("pro").andMissing(), march))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageStartingWith("group '[pro, (missing)] 2024-03' does not exist");
        }

        @Test
        void segmentOfAnotherSize_isRejectedNamingBoth() {
            Scorecard card = ScorecardSpec.builder(survey(1)).groupBy("plan", "region").build()
                    .score(List.of(nps(10, MARCH, "pro", "EU")));

            assertThatThrownBy(() -> card.findGroup(Segment.of("pro"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("segment: [pro] has 1 values; this scorecard groups by 2 attributes [plan, region]");
        }

        @Test
        void periodOfAnotherLength_isRejectedNamingBoth() {
            Scorecard card = ScorecardSpec.builder(survey(1)).period(Period.MONTH).build()
                    .score(List.of(nps(10, MARCH, "pro", "EU")));

            assertThatThrownBy(() -> card.findGroup(CalendarPeriod.quarter(2024, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("period: 2024-Q1 is a QUARTER; this scorecard groups by MONTH");
        }

        @Test
        void lookupWithoutPeriod_inAScorecardByPeriod_isRejected() {
            Scorecard card = ScorecardSpec.builder(survey(1)).groupBy("plan").period(Period.MONTH).build()
                    .score(List.of(nps(10, MARCH, "pro", "EU")));

            assertThatThrownBy(() -> card.findGroup(Segment.of("pro"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("period: missing; this scorecard groups by MONTH, so a group is found by its segment"
                            + " and its period");
        }

        @Test
        void lookupWithPeriod_inAScorecardWithoutPeriod_isRejected() {
            Scorecard card = ScorecardSpec.builder(survey(1)).groupBy("plan").build()
                    .score(List.of(nps(10, MARCH, "pro", "EU")));

            assertThatThrownBy(() -> card.findGroup(Segment.of("pro"), march))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("period: 2024-03 is a MONTH; this scorecard groups by no period");
        }

        @Test
        void lookup_inAScorecardThatDoesNotGroup_pointsToOverall() {
            Scorecard card = ScorecardSpec.builder(survey(1)).build().score(List.of(nps(10, MARCH, "pro", "EU")));

            assertThatThrownBy(() -> card.findGroup(Segment.none())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("this scorecard of survey relationship groups by neither attributes nor period; its"
                            + " only group is overall()");
        }
    }

    @Nested
    final class Equivalence {

        @Test
        void sequential_parallel_andPartitioned_giveTheSameScorecard(Random random) {
            Survey v2 = Survey.builder("relationship", 2).title("Relationship survey")
                    .question(NpsQuestion.standard("nps"))
                    .question(RatingQuestion.csat("csat", "How satisfied are you?", 5)).build();
            ScorecardSpec spec = ScorecardSpec.builder(survey(1)).pool(v2).groupBy("plan", "region")
                    .period(Period.WEEK, ZoneId.of("America/New_York")).build();
            String[] plans = {"free", "pro", "enterprise", null};
            String[] regions = {"EU", "US", "APAC"};
            long start = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
            List<Response> responses = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                Map<String, Answer> answers = new HashMap<>();
                if (random.nextInt(10) > 0) {
                    answers.put("nps", Answer.rating(random.nextInt(11)));
                }
                if (random.nextBoolean()) {
                    answers.put("csat", Answer.rating(1 + random.nextInt(5)));
                }
                int version = random.nextInt(4) == 0 ? 2 : 1;
                if (version == 1 && random.nextBoolean()) {
                    answers.put("effort", Answer.rating(1 + random.nextInt(7)));
                    answers.put("value", Answer.rating(random.nextInt(11)));
                }
                Map<String, String> attributes = new HashMap<>();
                String plan = plans[random.nextInt(plans.length)];
                if (plan != null) {
                    attributes.put("plan", plan);
                }
                attributes.put("region", regions[random.nextInt(regions.length)]);
                Instant at = Instant.ofEpochSecond(start + (long) (random.nextDouble() * 2 * 365 * 86_400));
                responses.add(response(version, at, attributes, answers));
            }

            Scorecard sequential = spec.score(responses);
            Scorecard parallel = spec.score(responses.parallelStream());
            List<Response> shuffled = new ArrayList<>(responses);
            Collections.shuffle(shuffled, random);
            List<ScorecardTally> partitions = new ArrayList<>();
            for (int p = 0; p < 7; p++) {
                partitions.add(spec.newTally());
            }
            for (Response response : shuffled) {
                partitions.get(random.nextInt(partitions.size())).add(response);
            }
            Collections.shuffle(partitions, random);
            ScorecardTally merged = spec.newTally();
            for (ScorecardTally partition : partitions) {
                merged.merge(partition);
            }

            assertThat(parallel).isEqualTo(sequential);
            assertThat(merged.result()).isEqualTo(sequential);
            assertThat(sequential.responses()).isEqualTo(20_000);
            long grouped = sequential.groups().stream().mapToLong(Scorecard.Group::responses).sum();
            assertThat(grouped).isEqualTo(20_000);
            for (Scorecard.Group group : sequential.groups()) {
                for (Scorecard.QuestionResult result : group.results()) {
                    Score score = result.score();
                    assertThat(score.distribution().length).isEqualTo(score.max() - score.min() + 1);
                }
            }
        }

        @Test
        void merge_ofAnotherSpecsTally_isRejected() {
            ScorecardTally a = ScorecardSpec.builder(survey(1)).build().newTally();
            ScorecardTally b = ScorecardSpec.builder(survey(1)).build().newTally();
            assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void compare_coversEveryScoreType() {
        List<Score> examples = List.of(new NpsTally().score(),
                CsatTally.of(5).score(), CesTally.agreement(7).score(),
                RatingTally.of(0, 10).score());
        assertThat(examples).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Score.class.getPermittedSubclasses()));
        for (Score score : examples) {
            assertThat(ScorecardTally.compare(score, score, 0.95).isDefined()).isFalse();
        }
    }
}
