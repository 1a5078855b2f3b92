package dev.feedbackloop.examples.webapp.dashboard;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.examples.charts.Bucket;
import dev.feedbackloop.examples.charts.Charts;
import dev.feedbackloop.examples.charts.Figures;
import dev.feedbackloop.examples.charts.PeriodScore;
import dev.feedbackloop.examples.charts.SegmentScore;
import dev.feedbackloop.examples.charts.Standing;
import dev.feedbackloop.examples.charts.Timeline;
import dev.feedbackloop.examples.webapp.followup.Verbatims;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.scoring.CalendarPeriod;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.Score;
import dev.feedbackloop.scoring.scorecard.Scorecard;
import dev.feedbackloop.scoring.scorecard.ScorecardSpec;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures: NPS, CSAT and CES by period with 95% intervals and significant changes, scores by
 * segment, and "did we respond?" — where follow-ups stand, on time by period, owner and segment, and time to first
 * contact in working hours. The charts are the demo report's ({@link Charts}). All calls into the library for the
 * dashboard go through here. Thread-safe.
 */
@Service
public class Dashboard {

    /** The bucket limits of time to first contact, in working hours. */
    private static final int[] HOURS = {1, 4, 8, 16, 40};
    /** How many of the newest detractor comments the dashboard shows. */
    private static final int COMMENTS = 8;

    private final FeedbackLoop loop;
    private final BusinessCalendar calendar = FeedbackProgramme.calendar();

    Dashboard(FeedbackLoop loop) {
        this.loop = loop;
    }

    /**
     * The dashboard for a period length and a segment attribute.
     *
     * @param period how to group time: {@link Period#WEEK} or {@link Period#MONTH}
     * @param attribute the segment attribute to group by, one of {@link FeedbackProgramme#SEGMENTS}
     * @return the figures, with their charts as HTML
     */
    public DashboardView view(Period period, String attribute) {
        Instant now = loop.now();
        String current = CalendarPeriod.of(period, LocalDate.ofInstant(now, FeedbackProgramme.ZONE)).label();
        String unit = period.name().toLowerCase(java.util.Locale.ROOT);
        Timeline timeline = new Timeline(unit, Set.of(current), "so far");
        var tiles = new ArrayList<Tile>();
        var scoreCharts = new ArrayList<String>();

        Optional<Survey> relationship = latest(FeedbackProgramme.RELATIONSHIP);
        Optional<Survey> support = latest(FeedbackProgramme.SUPPORT);
        relationship.ifPresent(survey -> {
            tiles.add(tile("NPS", survey, "nps", true));
            scoreCharts.add(Charts.trend("nps-trend", "Relationship NPS by " + unit,
                    trend(survey, "nps", period, timeline), -40, 60, 20, true, "NPS (points)", timeline,
                    "NPS by " + unit + " with its 95% interval; ringed points changed significantly from the "
                            + unit + " before. The hollow last point is the " + unit + " so far."));
        });
        support.ifPresent(survey -> {
            tiles.add(tile("CSAT, % satisfied", survey, "csat", false));
            tiles.add(tile("CES, % easy", survey, "ces", false));
            scoreCharts.add(Charts.trend("csat-trend", "Post-support CSAT by " + unit,
                    trend(survey, "csat", period, timeline), 40, 100, 10, false, "% satisfied (4 or 5 of 5)",
                    timeline, "Share of support cases rated 4 or 5 of 5, with its 95% interval."));
            scoreCharts.add(Charts.trend("ces-trend", "Customer effort (CES) by " + unit,
                    trend(survey, "ces", period, timeline), 20, 100, 20, false, "% easy (5 to 7 of 7)", timeline,
                    "Share agreeing that we made it easy to handle their issue (5 to 7 of 7), with its 95% "
                            + "interval."));
        });
        relationship.ifPresent(survey -> scoreCharts.add(Charts.segments("nps-segments", "NPS by " + attribute,
                segments(survey, "nps", attribute), true, "NPS (points)",
                "Relationship NPS by " + attribute + " over everything answered; whiskers show the 95% interval.")));
        support.ifPresent(survey -> scoreCharts.add(Charts.segments("csat-segments", "CSAT by " + attribute,
                segments(survey, "csat", attribute), false, "% satisfied",
                "Post-support CSAT by " + attribute + "; whiskers show the 95% interval.")));

        var followUps = new ArrayList<FollowUp>();
        loop.forEachFollowUp(followUps::add);
        Instant from = followUps.stream().map(FollowUp::openedAt).min(Comparator.naturalOrder()).orElse(now);
        Instant to = now.plusSeconds(1);
        FollowUpMetrics all = loop.followUps().metrics(from, to, now);
        Standing standing = Standing.of(followUps, now);
        Map<String, FollowUpMetrics> byPeriod = loop.followUps()
                .metricsBy(FollowUpMetrics.byPeriod(period, FeedbackProgramme.ZONE), from, to, now);
        Map<String, FollowUpMetrics> byOwner = loop.followUps().metricsBy(FollowUpMetrics.byOwner(), from, to, now);
        Map<String, FollowUpMetrics> bySegment = loop.followUps()
                .metricsBy(FollowUpMetrics.bySegment(attribute), from, to, now);
        var working = new ArrayList<Duration>();
        for (FollowUp followUp : followUps) {
            if (followUp.firstContact() != null) {
                working.add(calendar.between(followUp.openedAt(), followUp.firstContact().at()));
            }
        }
        List<Bucket> buckets = Bucket.hours(working, HOURS);
        var loopCharts = List.of(
                Charts.standing("standing", standing, "Every response that needed a human answer opened a "
                        + "follow-up. Left: where each stands now; right: whether its first contact came within the "
                        + "deadline. Each column adds up to all " + standing.needed() + " follow-ups."),
                Charts.sla("sla", "On time, by " + unit, byPeriod, FeedbackProgramme.ON_TIME_TARGET,
                        new Timeline(unit + " the follow-up was opened", Set.of(current), "so far"),
                        "Bars: first contact within the policy's deadline, in working hours; red under the "
                                + Figures.fixed(FeedbackProgramme.ON_TIME_TARGET) + "% target (dashed line). "
                                + "Dotted line: contacted at all."),
                Charts.owners("owners", byOwner, FeedbackProgramme.ON_TIME_TARGET, "Everyone who owns "
                        + "follow-ups: account managers their accounts' detractors, the teams the rest. Red when "
                        + "under the target."),
                Charts.histogram("time-to-contact", "Time to first contact, in working hours", buckets,
                        "working hours to first contact", "Working hours (Monday to Friday, 9:00 to 17:00) from the "
                                + "response to the first contact."));
        tiles.add(new Tile("Did we respond? On time", Figures.fixed(all.withinDeadlinePercent()) + "%",
                all.contactedWithinDeadline() + " of " + all.needed() + " follow-ups first contacted within the "
                        + "deadline", "on-time"));
        tiles.add(new Tile("Overdue now", String.valueOf(all.overdue()), "first contact past its deadline",
                "overdue"));
        return new DashboardView(tiles, scoreCharts, loopCharts, all, bySegment, comments());
    }

    private Optional<Survey> latest(String surveyId) {
        List<Survey> versions = loop.surveyVersions(surveyId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    private List<PeriodScore> trend(Survey survey, String questionId, Period period, Timeline timeline) {
        Scorecard card = loop.scorecard(ScorecardSpec.builder(survey).questions(questionId)
                .period(period, FeedbackProgramme.ZONE).build());
        return PeriodScore.of(card, questionId, timeline);
    }

    private List<SegmentScore> segments(Survey survey, String questionId, String attribute) {
        Scorecard card = loop.scorecard(ScorecardSpec.builder(survey).questions(questionId).groupBy(attribute)
                .build());
        return SegmentScore.of(card, attribute, questionId);
    }

    private Tile tile(String label, Survey survey, String questionId, boolean points) {
        Score score = loop.scorecard(ScorecardSpec.builder(survey).questions(questionId).build()).overall()
                .result(questionId).score();
        if (score.n() == 0) {
            return new Tile(label, "\u2013", "no answers yet", questionId);
        }
        double[] headline = Figures.headline(score);
        return new Tile(label, points ? Figures.signed(headline[0]) : Figures.fixed(headline[0]) + "%",
                "95% interval " + Figures.interval(headline[1], headline[2], points) + ", n = " + score.n(),
                questionId);
    }

    /** The newest relationship answers of 0 to 6 that came with words. */
    private List<Comment> comments() {
        var comments = new ArrayList<Comment>();
        latest(FeedbackProgramme.RELATIONSHIP).ifPresent(survey -> loop.forEachResponse(survey.id(), response -> {
            Answer nps = response.answer("nps");
            String words = Verbatims.of(response);
            if (nps instanceof Answer.Rating rating && rating.value() <= 6 && !words.isBlank()) {
                comments.add(new Comment(response.submittedAt(), rating.value(), words, segment(response)));
            }
        }));
        comments.sort(Comparator.comparing(Comment::at).reversed());
        return List.copyOf(comments.subList(0, Math.min(COMMENTS, comments.size())));
    }

    private static String segment(Response response) {
        String tier = response.respondent().attribute(FeedbackProgramme.TIER);
        String plan = response.respondent().attribute("plan");
        return (tier == null ? "" : tier) + (plan == null ? "" : ", " + plan);
    }

    /**
     * One headline number. Immutable.
     *
     * @param label what it is
     * @param value the number as shown
     * @param note its interval, count or meaning
     * @param id the element id of the tile
     */
    public record Tile(String label, String value, String note, String id) {
    }

    /**
     * A detractor's words. Immutable.
     *
     * @param at when they answered
     * @param score their NPS answer
     * @param text what they wrote, unescaped
     * @param segment their tier and plan
     */
    public record Comment(Instant at, int score, String text, String segment) {
    }

    /**
     * Everything the dashboard shows. Immutable.
     *
     * @param tiles the headline numbers
     * @param scoreCharts the score charts' HTML (escaped by the charts)
     * @param loopCharts the follow-up charts' HTML (escaped by the charts)
     * @param followUps the follow-up metrics over everything
     * @param bySegment the follow-up metrics by segment value
     * @param comments the newest detractor comments
     */
    public record DashboardView(List<Tile> tiles, List<String> scoreCharts, List<String> loopCharts,
                                FollowUpMetrics followUps, Map<String, FollowUpMetrics> bySegment,
                                List<Comment> comments) {

        public DashboardView {
            tiles = List.copyOf(tiles);
            scoreCharts = List.copyOf(scoreCharts);
            loopCharts = List.copyOf(loopCharts);
            bySegment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySegment));
            comments = List.copyOf(comments);
        }

        /**
         * The median time to first contact, wall-clock.
         *
         * @return the median, or {@code null} when nobody was contacted
         */
        public @Nullable Duration medianTimeToFirstContact() {
            return followUps.timeToFirstContact() == null ? null : followUps.timeToFirstContact().median();
        }
    }
}
