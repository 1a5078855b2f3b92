package dev.feedbackloop.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.feedbackloop.scoring.export.ExportFormatException;
import dev.feedbackloop.scoring.export.ExportReader;
import dev.feedbackloop.scoring.export.ExportRow;
import dev.feedbackloop.scoring.loop.DurationSummary;
import dev.feedbackloop.scoring.loop.LoopSummary;
import dev.feedbackloop.scoring.loop.LoopTally;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code feedbackloop loop}: of the feedback that needed a response, how much got one, how fast, what is overdue. */
@Command(name = "loop", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Did we respond? Response rate, SLA compliance, time to respond and overdue feedback.",
        footer = {"", "A row needs a response when its rating is <= --trigger-at-most. Rows with an invalid rating,"
                + " a blank created time or a response before creation are reported and left out."})
final class LoopCommand implements Callable<Integer> {

    /** How many rows pass between settling the overdue rows against the latest timestamp so far. */
    private static final long SETTLE_EVERY = 1 << 16;

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @ParentCommand
    @SuppressWarnings("NullAway.Init")
    private FeedbackLoopCommand parent;

    @Mixin
    @SuppressWarnings("NullAway.Init")
    private InputOptions input;

    /** Exactly one rating column. */
    static final class Rating {
        @Option(names = "--nps", paramLabel = "COL", required = true,
                description = "The 0-10 rating that decides whether a row needs a response.")
        @Nullable String nps;

        @Option(names = "--csat", paramLabel = "COL", required = true,
                description = "The 1..--csat-scale rating that decides whether a row needs a response.")
        @Nullable String csat;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    @SuppressWarnings("NullAway.Init")
    private Rating rating;

    @Option(names = "--csat-scale", paramLabel = "N", defaultValue = "5",
            description = "Points on the CSAT scale, 2..11 (default: ${DEFAULT-VALUE}).")
    private int csatScale;

    @Option(names = "--trigger-at-most", paramLabel = "K",
            description = "A row needs a response when its rating <= K (default: 6 for NPS, 2 for CSAT).")
    private @Nullable Integer triggerAtMost;

    @Option(names = "--created", paramLabel = "COL", required = true, description = "When the feedback arrived.")
    @SuppressWarnings("NullAway.Init")
    private String created;

    @Option(names = "--responded", paramLabel = "COL", required = true,
            description = "When the business first responded; blank = not yet.")
    @SuppressWarnings("NullAway.Init")
    private String responded;

    @Option(names = "--sla", paramLabel = "D", defaultValue = "48h", converter = Converters.SlaConverter.class,
            description = "The time allowed for a first response: 48h, 2d, 90m or PT48H (default: ${DEFAULT-VALUE}).")
    @SuppressWarnings("NullAway.Init")
    private Duration sla;

    @Option(names = "--as-of", paramLabel = "T",
            description = "'Now' for the overdue count (default: the latest created/responded time in the file).")
    private @Nullable String asOfText;

    /**
     * What one part of the export adds up to. When grouped, each row goes to its group only and the overall tally is
     * the merge of the groups at the end. Without {@code --as-of}, the latest time in the part so far is a lower bound
     * of the as-of time of the whole file, which lets the tallies settle overdue rows as they go.
     */
    private final class Part {
        final LoopTally overall = LoopTally.of(sla);
        final @Nullable GroupTable<LoopTally> table;
        @Nullable Map<GroupKey, LoopTally> groups;
        final InvalidCells invalid = new InvalidCells(input.strict);
        final @Nullable Instant fixedAsOf;
        long latest = Long.MIN_VALUE;
        long rows;

        Part(boolean grouped, @Nullable Instant fixedAsOf) {
            this.fixedAsOf = fixedAsOf;
            this.table = grouped ? new GroupTable<>(input.by.size(), 3, this::newTally) : null;
            if (fixedAsOf != null) {
                overall.advanceAsOf(fixedAsOf);
            }
        }

        private LoopTally newTally() {
            LoopTally tally = LoopTally.of(sla);
            if (fixedAsOf != null) {
                tally.advanceAsOf(fixedAsOf);
            } else if (latest != Long.MIN_VALUE) {
                tally.advanceAsOf(Instant.ofEpochMilli(latest));
            }
            return tally;
        }

        void settle() {
            if (latest == Long.MIN_VALUE) {
                return;
            }
            Instant bound = Instant.ofEpochMilli(latest);
            overall.advanceAsOf(bound);
            if (table != null) {
                table.forEach(t -> t.advanceAsOf(bound));
            }
        }

        Map<GroupKey, LoopTally> groups() {
            if (groups == null) {
                groups = table == null ? new HashMap<>() : table.toMap();
            }
            return groups;
        }

        Part merge(Part later, long linesBefore) {
            overall.merge(later.overall);
            later.overall.close();
            Map<GroupKey, LoopTally> mine = groups();
            Map<GroupKey, LoopTally> theirs = later.groups();
            for (Iterator<Map.Entry<GroupKey, LoopTally>> it = theirs.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<GroupKey, LoopTally> entry = it.next();
                LoopTally known = mine.putIfAbsent(entry.getKey(), entry.getValue());
                if (known != null) {
                    known.merge(entry.getValue());
                    entry.getValue().close();
                }
                it.remove();
            }
            invalid.append(later.invalid, linesBefore);
            latest = Math.max(latest, later.latest);
            rows += later.rows;
            return this;
        }
    }

    @Override
    public Integer call() {
        boolean isNps = rating.nps != null;
        String ratingColumn = isNps ? rating.nps : rating.csat;
        int min = isNps ? 0 : 1;
        int max = isNps ? 10 : csatScale;
        if (!isNps && (csatScale < 2 || csatScale > 11)) {
            throw new ParameterException(spec.commandLine(), "--csat-scale: " + csatScale + " is outside 2..11");
        }
        int trigger = triggerAtMost != null ? triggerAtMost : isNps ? 6 : 2;
        if (trigger < min || trigger > max) {
            throw new ParameterException(spec.commandLine(),
                    "--trigger-at-most: " + trigger + " is outside the rating scale " + min + ".." + max);
        }
        Instant explicitAsOf = null;
        if (asOfText != null) {
            try {
                explicitAsOf = ExportReader.parseTimestamp(asOfText, input.zone);
            } catch (DateTimeException e) {
                throw new ExportFormatException("--as-of", 0, null, asOfText,
                        "not a timestamp, expected e.g. 2024-06-30, 2024-06-30T00:00:00 or 2024-06-30T00:00:00Z");
            }
        }
        Instant fixedAsOf = explicitAsOf;
        List<String> columns = new ArrayList<>(List.of(ratingColumn, created, responded));
        columns.addAll(input.by);
        boolean grouped = GroupReport.grouped(input);

        PeriodBuckets buckets = input.period != null ? new PeriodBuckets(input.period, input.zone) : null;
        Progress progress = new Progress(spec.commandLine().getErr(), input.source());
        Part all;
        try (ExportReader reader = input.open(parent.stdin())) {
            List<String> header = reader.header();
            all = reader.collect(columns, input.threads(), () -> new Part(grouped, fixedAsOf), (part, row) -> {
                if ((++part.rows & (Progress.STEP - 1)) == 0) {
                    progress.step();
                }
                long createdAt = row.epochMilli(1, input.zone);
                long respondedAt = row.epochMilli(2, input.zone);
                // NO_TIME is Long.MIN_VALUE, below every time.
                part.latest = Math.max(part.latest, Math.max(createdAt, respondedAt));
                if (fixedAsOf == null && (row.number() & (SETTLE_EVERY - 1)) == 0) {
                    part.settle();
                }
                if (row.ragged()) {
                    part.invalid.addRagged(row, header);
                    return;
                }
                int value = ScoreCommand.rating(row, 0, min, max,
                        isNps ? "an NPS rating" : "a CSAT rating", part.invalid);
                if (value == ExportRow.BLANK && !row.isBlank(0)) {
                    return;
                }
                if (createdAt == ExportRow.NO_TIME) {
                    part.invalid.add(row, 1, "the created time is blank, expected when the feedback arrived");
                    return;
                }
                if (respondedAt != ExportRow.NO_TIME && respondedAt <= createdAt
                        && (respondedAt < createdAt || before(row, 2, 1, input.zone))) {
                    part.invalid.add(row, 2, "the response is before the feedback was created ("
                            + row.instant(1, input.zone) + "), expected a time at or after it");
                    return;
                }
                LoopTally group = part.overall;
                if (part.table != null) {
                    group = part.table.find(row, buckets != null
                            ? buckets.bucket(Math.floorDiv(createdAt, 1000L)) : GroupKey.NO_PERIOD);
                }
                if (value != ExportRow.BLANK && value <= trigger) {
                    if (respondedAt == ExportRow.NO_TIME) {
                        group.addUnresponded(createdAt);
                    } else {
                        group.addResponded(createdAt, respondedAt);
                    }
                }
            }, (earlier, later, linesBefore, rowsBefore) -> earlier.merge(later, linesBefore));
        }
        progress.done();
        long rows = all.rows;
        InvalidCells invalid = all.invalid;
        Instant asOf = fixedAsOf != null ? fixedAsOf
                : all.latest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(all.latest);
        Instant summaryAsOf = asOf != null ? asOf : Instant.EPOCH;
        // Summarise each group, then fold it into the overall tally and let it go, so that the duration tallies of
        // the groups and of the whole are not all held at once.
        Map<GroupKey, LoopTally> groupTallies = all.groups();
        Map<GroupKey, LoopSummary> groups = new HashMap<>();
        LoopTally overallTally = all.overall;
        for (Iterator<Map.Entry<GroupKey, LoopTally>> it = groupTallies.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<GroupKey, LoopTally> entry = it.next();
            groups.put(entry.getKey(), entry.getValue().summary(summaryAsOf));
            overallTally.merge(entry.getValue());
            entry.getValue().close();
            it.remove();
        }
        LoopSummary overall = overallTally.summary(summaryAsOf);
        overallTally.close();
        GroupReport<LoopSummary> report = new GroupReport<>(input, rows, invalid, overall, groups);
        PrintWriter out = spec.commandLine().getOut();
        if (input.output == Converters.Output.JSON) {
            out.print(report.json(json -> {
                if (asOf == null) {
                    json.writeNullField("asOf");
                } else {
                    json.writeStringField("asOf", asOf.toString());
                }
                json.writeStringField("sla", sla.toString());
            }, LoopCommand::fields));
        } else {
            out.print(report.text(List.of("triggered", "responded", "within SLA", "unresponded", "overdue",
                    "response %", "SLA %", "mean h", "median h", "p90 h"), LoopCommand::cells,
                    "; as of " + (asOf == null ? "-" : asOf.toString()) + ", SLA " + sla,
                    "triggered = rating <= " + trigger + "; within SLA = responded within " + sla
                    + "; overdue = unresponded and created + SLA before the as-of time; h = hours from created to"
                    + " first response (median and p90 by nearest rank)."));
        }
        out.flush();
        return 0;
    }

    /** Whether one timestamp cell is before another, to the nanosecond; both cells are known not to be blank. */
    private static boolean before(ExportRow row, int column, int other, ZoneId zone) {
        Instant at = row.instant(column, zone);
        Instant otherAt = row.instant(other, zone);
        return at != null && otherAt != null && at.isBefore(otherAt);
    }

    private static void fields(JsonGenerator json, LoopSummary s) throws IOException {
        json.writeNumberField("triggered", s.triggered());
        json.writeNumberField("responded", s.responded());
        json.writeNumberField("respondedWithinSla", s.respondedWithinSla());
        json.writeNumberField("unresponded", s.unresponded());
        json.writeNumberField("overdue", s.overdue());
        json.writeNumberField("responseRate", s.responseRate());
        json.writeNumberField("slaRate", s.slaRate());
        DurationSummary time = s.timeToRespond();
        if (time != null) {
            json.writeObjectFieldStart("timeToRespondHours");
            json.writeNumberField("mean", time.meanHours());
            json.writeNumberField("median", time.medianHours());
            json.writeNumberField("p90", time.p90Hours());
            json.writeEndObject();
        }
    }

    private static List<String> cells(LoopSummary s) {
        DurationSummary time = s.timeToRespond();
        return List.of(Long.toString(s.triggered()), Long.toString(s.responded()),
                Long.toString(s.respondedWithinSla()), Long.toString(s.unresponded()), Long.toString(s.overdue()),
                Reports.number(s.responseRate(), 1), Reports.number(s.slaRate(), 1),
                time == null ? "-" : Reports.number(time.meanHours(), 1),
                time == null ? "-" : Reports.number(time.medianHours(), 1),
                time == null ? "-" : Reports.number(time.p90Hours(), 1));
    }
}
