package dev.feedbackloop.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.feedbackloop.scoring.CesScore;
import dev.feedbackloop.scoring.CesTally;
import dev.feedbackloop.scoring.CsatScore;
import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.Interval;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.NpsTally;
import dev.feedbackloop.scoring.Score;
import dev.feedbackloop.scoring.export.ExportReader;
import dev.feedbackloop.scoring.export.ExportRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code feedbackloop score}: NPS, CSAT and CES of an export, overall and by segment and period. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "feedbackloop score FILE [--nps COL] [--csat COL] [--ces COL] [options]",
        description = "Scores NPS, CSAT and CES in a CSV or JSON Lines export, with 95%% confidence intervals. At"
                + " least one of --nps, --csat and --ces is required.",
        footer = {"", "NPS = %% promoters (9-10) - %% detractors (0-6); CSAT = %% of answers in the top two points;"
                + " CES = mean rating (agree = top three points). Invalid cells are reported and left out.",
                "", "Examples:",
                "  feedbackloop score survey.csv --nps nps --by plan --date submitted_at \\",
                "      --period quarter",
                "  feedbackloop score reviews.tsv.gz --csat stars --na NA --output csv > out.csv",
                "  feedbackloop score responses.jsonl --nps nps --csat csat --ces effort \\",
                "      --output json"})
final class ScoreCommand implements Callable<Integer> {

    /** The width the legend under the table is wrapped to. */
    static final int LEGEND_WIDTH = 80;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private FeedbackLoopCommand parent;

    @Option(names = "--nps", paramLabel = "COL", description = "The 0-10 likelihood-to-recommend column.")
    private @Nullable String nps;

    @Option(names = "--csat", paramLabel = "COL", description = "The satisfaction column, 1..--csat-scale.")
    private @Nullable String csat;

    @Option(names = "--csat-scale", paramLabel = "N", defaultValue = "5",
            description = "Points on the CSAT scale, 2..11 (default: ${DEFAULT-VALUE}).")
    private int csatScale;

    @Option(names = "--ces", paramLabel = "COL", description = "The customer effort column, 1..--ces-scale.")
    private @Nullable String ces;

    @Option(names = "--ces-scale", paramLabel = "N", defaultValue = "7",
            description = "Points on the CES scale, 2..11 (default: ${DEFAULT-VALUE}).")
    private int cesScale;

    @Option(names = "--date", paramLabel = "COL", description = "The timestamp column that --period buckets.")
    private @Nullable String date;

    @Mixin
    private InputOptions input;

    /** The tallies of one group (or of all rows). */
    private final class Tallies {
        final @Nullable NpsTally npsTally = nps != null ? new NpsTally() : null;
        final @Nullable CsatTally csatTally = csat != null ? CsatTally.of(csatScale) : null;
        final @Nullable CesTally cesTally = ces != null ? CesTally.agreement(cesScale) : null;

        void merge(Tallies other) {
            if (npsTally != null) {
                npsTally.merge(other.npsTally);
            }
            if (csatTally != null) {
                csatTally.merge(other.csatTally);
            }
            if (cesTally != null) {
                cesTally.merge(other.cesTally);
            }
        }
    }

    /**
     * What one part of the export adds up to. When grouped, each row goes to its group only and the overall tallies
     * are the merge of the groups at the end.
     */
    private final class Part {
        final Tallies overall = new Tallies();
        final @Nullable GroupTable<Tallies> table;
        @Nullable Map<GroupKey, Tallies> groups;
        final InvalidCells invalid = new InvalidCells(input.strict);
        final Warnings.EarlyTimes early = new Warnings.EarlyTimes();
        long rows;

        Part(boolean grouped, int bySlot) {
            table = grouped ? new GroupTable<>(input.by.size(), bySlot, Tallies::new) : null;
        }

        Map<GroupKey, Tallies> groups() {
            if (groups == null) {
                groups = table == null ? new HashMap<>() : table.toMap();
            }
            return groups;
        }

        Part merge(Part later, long linesBefore) {
            overall.merge(later.overall);
            Map<GroupKey, Tallies> mine = groups();
            later.groups().forEach((key, tallies) -> {
                Tallies known = mine.putIfAbsent(key, tallies);
                if (known != null) {
                    known.merge(tallies);
                }
            });
            invalid.append(later.invalid, linesBefore);
            early.merge(later.early);
            rows += later.rows;
            return this;
        }
    }

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> columns = new ArrayList<>();
        int npsSlot = slot(columns, nps);
        int csatSlot = slot(columns, csat);
        int cesSlot = slot(columns, ces);
        int bySlot = columns.size();
        columns.addAll(input.by);
        int dateSlot = slot(columns, date);
        boolean grouped = GroupReport.grouped(input);
        PeriodBuckets buckets = input.period != null ? new PeriodBuckets(input.period, input.zone) : null;
        Progress progress = new Progress(spec.commandLine().getErr(), input.source());
        Part all;
        try (ExportReader reader = input.open(parent.stdin())) {
            List<String> header = reader.header();
            all = reader.collect(columns, input.threads(), () -> new Part(grouped, bySlot), (part, row) -> {
                if ((++part.rows & (Progress.STEP - 1)) == 0) {
                    progress.step();
                }
                if (row.ragged()) {
                    part.invalid.addRagged(row, header);
                    return;
                }
                long bucket = GroupKey.NO_PERIOD;
                if (dateSlot >= 0) {
                    long at = row.epochSecond(dateSlot, input.zone);
                    if (at != ExportRow.NO_TIME) {
                        part.early.add(at);
                        if (buckets != null) {
                            bucket = buckets.bucket(at);
                        }
                    }
                }
                Tallies group = part.table != null ? part.table.find(row, bucket) : part.overall;
                if (npsSlot >= 0) {
                    int rating = rating(row, npsSlot, 0, 10, "an NPS rating", part.invalid);
                    if (rating != ExportRow.BLANK) {
                        group.npsTally.add(rating);
                    }
                }
                if (csatSlot >= 0) {
                    int rating = rating(row, csatSlot, 1, csatScale, "a CSAT rating", part.invalid);
                    if (rating != ExportRow.BLANK) {
                        group.csatTally.add(rating);
                    }
                }
                if (cesSlot >= 0) {
                    int rating = rating(row, cesSlot, 1, cesScale, "a CES rating", part.invalid);
                    if (rating != ExportRow.BLANK) {
                        group.cesTally.add(rating);
                    }
                }
            }, (earlier, later, linesBefore, rowsBefore) -> earlier.merge(later, linesBefore));
        }
        progress.done();
        long rows = all.rows;
        InvalidCells invalid = all.invalid;
        Map<GroupKey, Tallies> groups = all.groups();
        Tallies overall = all.overall;
        if (grouped) {
            groups.values().forEach(overall::merge);
        }
        new GroupReport<>(input, rows, invalid, overall, groups).print(out, err, json -> { }, this::metrics,
                new ScoreColumns(), "", legend(), null);
        input.printNotes(err);
        Warnings warnings = new Warnings(input.source());
        if (nps != null) {
            NpsScore s = overall.npsTally.score();
            warnings.npsScale(nps, s.n(), highest(s));
        }
        if (csat != null) {
            CsatScore s = overall.csatTally.score();
            warnings.ratingScale("CSAT", "--csat-scale", csat, csatScale, s.n(), highest(s));
        }
        if (ces != null) {
            CesScore s = overall.cesTally.score();
            warnings.ratingScale("CES", "--ces-scale", ces, cesScale, s.n(), highest(s));
        }
        warnings.missingMarkers(invalid, input.na);
        if (date != null) {
            warnings.earlyTimes(date, all.early);
        }
        warnings.print(err, spec.qualifiedName());
        return 0;
    }

    /** What the columns mean, for the scores asked for. */
    private String legend() {
        List<String> parts = new ArrayList<>();
        if (nps != null) {
            parts.add("NPS = % promoters (9-10) - % detractors (0-6)");
        }
        if (csat != null) {
            parts.add("CSAT % = share of answers in the top two points");
        }
        if (ces != null) {
            parts.add("CES mean = mean rating, agree % = share of answers in the top three points");
        }
        parts.add("95% CI = 95% confidence interval; * = fewer than 30 answers.");
        return Reports.wrap(String.join("; ", parts), LEGEND_WIDTH);
    }

    /** The highest rating given, or the scale's minimum less one when there is none. */
    static int highest(Score score) {
        for (int rating = score.max(); rating >= score.min(); rating--) {
            if (score.count(rating) > 0) {
                return rating;
            }
        }
        return score.min() - 1;
    }

    private void validate() {
        if (nps == null && csat == null && ces == null) {
            throw new ParameterException(spec.commandLine(), "at least one of --nps, --csat, --ces is required");
        }
        checkScale("--csat-scale", csatScale);
        checkScale("--ces-scale", cesScale);
        if (input.period != null && date == null) {
            throw new ParameterException(spec.commandLine(), "--period needs --date COL, the column it buckets");
        }
    }

    private void checkScale(String option, int points) {
        if (points < 2 || points > 11) {
            throw new ParameterException(spec.commandLine(), option + ": " + points + " is outside 2..11");
        }
    }

    private static int slot(List<String> columns, @Nullable String column) {
        if (column == null) {
            return -1;
        }
        columns.add(column);
        return columns.size() - 1;
    }

    /** The rating of a cell, or {@link ExportRow#BLANK} when blank or invalid (an invalid one is reported). */
    static int rating(ExportRow row, int slot, int min, int max, String what, InvalidCells invalid) {
        int rating = row.integer(slot);
        if (rating == ExportRow.BLANK) {
            return ExportRow.BLANK;
        }
        if (rating == ExportRow.NOT_AN_INTEGER || rating < min || rating > max) {
            invalid.add(row, slot, "not " + what + ", expected an integer " + min + ".." + max);
            return ExportRow.BLANK;
        }
        return rating;
    }

    private void metrics(JsonGenerator json, Tallies tallies) throws IOException {
        if (tallies.npsTally != null) {
            NpsScore s = tallies.npsTally.score();
            json.writeObjectFieldStart("nps");
            json.writeNumberField("n", s.n());
            if (s.n() > 0) {
                json.writeNumberField("promoters", s.promoters());
                json.writeNumberField("passives", s.passives());
                json.writeNumberField("detractors", s.detractors());
                json.writeNumberField("score", s.score());
                json.writeNumberField("standardError", s.standardError());
                Reports.interval(json, "ci95", s.ci());
            }
            json.writeEndObject();
        }
        if (tallies.csatTally != null) {
            CsatScore s = tallies.csatTally.score();
            json.writeObjectFieldStart("csat");
            json.writeNumberField("n", s.n());
            if (s.n() > 0) {
                json.writeNumberField("satisfied", s.satisfied());
                json.writeNumberField("score", s.score());
                json.writeNumberField("mean", s.mean());
                Reports.interval(json, "ci95", s.ci());
            }
            json.writeEndObject();
        }
        if (tallies.cesTally != null) {
            CesScore s = tallies.cesTally.score();
            json.writeObjectFieldStart("ces");
            json.writeNumberField("n", s.n());
            if (s.n() > 0) {
                json.writeNumberField("agree", s.agree());
                json.writeNumberField("score", s.score());
                json.writeNumberField("mean", s.mean());
                Reports.interval(json, "ci95", s.ci());
            }
            json.writeEndObject();
        }
    }

    /** The columns of the table and CSV outputs: those of each score asked for. */
    private final class ScoreColumns implements GroupReport.Columns<Tallies> {

        @Override
        public List<String> header() {
            List<String> header = new ArrayList<>();
            if (nps != null) {
                header.addAll(List.of("NPS n", "NPS", "NPS 95% CI"));
            }
            if (csat != null) {
                header.addAll(List.of("CSAT n", "CSAT %", "CSAT 95% CI"));
            }
            if (ces != null) {
                header.addAll(List.of("CES n", "CES mean", "CES 95% CI", "agree %"));
            }
            return header;
        }

        @Override
        public List<String> cells(Tallies t) {
            List<String> cells = new ArrayList<>();
            if (t.npsTally != null) {
                NpsScore s = t.npsTally.score();
                cells.add(Long.toString(s.n()));
                cells.add(s.n() == 0 ? "-" : signed(s.score()) + mark(s.smallSample()));
                cells.add(s.n() == 0 ? "-" : Reports.interval(s.ci(), 1));
            }
            if (t.csatTally != null) {
                CsatScore s = t.csatTally.score();
                cells.add(Long.toString(s.n()));
                cells.add(s.n() == 0 ? "-" : Reports.number(s.score(), 1) + mark(s.smallSample()));
                cells.add(s.n() == 0 ? "-" : Reports.interval(s.ci(), 1));
            }
            if (t.cesTally != null) {
                CesScore s = t.cesTally.score();
                cells.add(Long.toString(s.n()));
                cells.add(s.n() == 0 ? "-" : Reports.number(s.mean(), 2) + mark(s.smallSample()));
                cells.add(s.n() == 0 ? "-" : Reports.interval(s.ci(), 2));
                cells.add(s.n() == 0 ? "-" : Reports.number(s.score(), 1));
            }
            return cells;
        }

        @Override
        public List<CsvTable.Column> csvColumns() {
            List<String> names = new ArrayList<>();
            if (nps != null) {
                names.addAll(List.of("nps_n", "nps_promoters", "nps_passives", "nps_detractors", "nps_score",
                        "nps_standard_error", "nps_ci95_low", "nps_ci95_high"));
            }
            if (csat != null) {
                names.addAll(List.of("csat_n", "csat_satisfied", "csat_score", "csat_mean", "csat_ci95_low",
                        "csat_ci95_high"));
            }
            if (ces != null) {
                names.addAll(List.of("ces_n", "ces_agree", "ces_score", "ces_mean", "ces_ci95_low", "ces_ci95_high"));
            }
            List<CsvTable.Column> columns = new ArrayList<>();
            names.forEach(name -> columns.add(CsvTable.Column.number(name)));
            return columns;
        }

        @Override
        public List<@Nullable String> csvCells(Tallies t) {
            List<@Nullable String> cells = new ArrayList<>();
            if (t.npsTally != null) {
                NpsScore s = t.npsTally.score();
                metric(cells, s.n(), s.ci(), s.promoters(), s.passives(), s.detractors(), s.score(),
                        s.standardError());
            }
            if (t.csatTally != null) {
                CsatScore s = t.csatTally.score();
                metric(cells, s.n(), s.ci(), s.satisfied(), s.score(), s.mean());
            }
            if (t.cesTally != null) {
                CesScore s = t.cesTally.score();
                metric(cells, s.n(), s.ci(), s.agree(), s.score(), s.mean());
            }
            return cells;
        }

        /** The CSV cells of one metric: n, its fields, the interval; all but n blank when n is 0. */
        private void metric(List<@Nullable String> cells, long n, Interval ci, Number... fields) {
            cells.add(Long.toString(n));
            for (Number field : fields) {
                cells.add(n == 0 ? null : field instanceof Long ? field.toString()
                        : Reports.csvNumber(field.doubleValue()));
            }
            cells.add(n == 0 ? null : Reports.csvNumber(ci.lower()));
            cells.add(n == 0 ? null : Reports.csvNumber(ci.upper()));
        }
    }

    private static String signed(double score) {
        return (score > 0 ? "+" : "") + Reports.number(score, 1);
    }

    private static String mark(boolean small) {
        return small ? "*" : " ";
    }
}
