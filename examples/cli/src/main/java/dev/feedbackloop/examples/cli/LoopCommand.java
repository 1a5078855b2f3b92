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
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        customSynopsis = {"feedbackloop loop FILE (--nps COL | --csat COL) --created COL",
                "                         --responded COL [options]"},
        description = "Did we respond? Response rate, SLA compliance, time to respond and overdue feedback.",
        footer = {"", "A row needs a response when its rating is at most --trigger-at-most. Rows with an invalid"
                + " rating, a blank created time or a response before creation are reported and left out.",
                "", "Examples:",
                "  feedbackloop loop tickets.csv --csat csat --created created_at \\",
                "      --responded first_reply_at --by team",
                "  feedbackloop loop reviews.csv.gz --csat score --created at \\",
                "      --responded repliedAt --sla 24h --list overdue --id reviewId",
                "  feedbackloop loop survey.jsonl --nps nps --created submitted \\",
                "      --responded called_back --period month --output markdown"})
final class LoopCommand implements Callable<Integer> {

    /** How many rows pass between settling the overdue rows against the latest timestamp so far. */
    private static final long SETTLE_EVERY = 1 << 16;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private FeedbackLoopCommand parent;

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
    private Rating rating;

    @Option(names = "--csat-scale", paramLabel = "N", defaultValue = "5",
            description = "Points on the CSAT scale, 2..11 (default: ${DEFAULT-VALUE}).")
    private int csatScale;

    @Option(names = "--trigger-at-most", paramLabel = "K",
            description = "A row needs a response when its rating <= K (default: 6 for NPS, 2 for CSAT).")
    private @Nullable Integer triggerAtMost;

    @Option(names = "--created", paramLabel = "COL", required = true, description = "When the feedback arrived.")
    private String created;

    @Option(names = "--responded", paramLabel = "COL", required = true,
            description = "When the business first responded; blank = not yet.")
    private String responded;

    @Option(names = "--sla", paramLabel = "D", defaultValue = "48h", converter = Converters.SlaConverter.class,
            description = "The time allowed for a first response: 48h, 2d, 90m or PT48H (default: ${DEFAULT-VALUE}).")
    private Duration sla;

    @Option(names = "--as-of", paramLabel = "T",
            description = "'Now' for the overdue count (default: the latest created or responded time in the file).")
    private @Nullable String asOfText;

    /** What {@code --list} lists. */
    enum ListWhat {
        /** Triggered, unresponded rows past their deadline, most overdue first. */
        OVERDUE,
        /** Every triggered row without a response, oldest first. */
        UNRESPONDED
    }

    @Option(names = "--list", paramLabel = "W", converter = Converters.ListConverter.class,
            description = "Also list the rows behind the counts: overdue (most overdue first) or unresponded (oldest"
                    + " first).")
    private @Nullable ListWhat list;

    @Option(names = "--id", paramLabel = "COL",
            description = "The column that names a listed row, e.g. a ticket or review id (default: line numbers only).")
    private @Nullable String id;

    @Mixin
    private InputOptions input;

    /** A row that --list may show; its line counts from its part's start until the parts are merged. */
    record Item(long line, @Nullable String id, long createdMilli, @Nullable String[] segment, long period) {
    }

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
        final Warnings.EarlyTimes earlyCreated = new Warnings.EarlyTimes();
        final Warnings.EarlyTimes earlyResponded = new Warnings.EarlyTimes();
        final List<Item> items = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        long rows;
        long rated;
        int highest = Integer.MIN_VALUE;

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
            earlyCreated.merge(later.earlyCreated);
            earlyResponded.merge(later.earlyResponded);
            for (Item item : later.items) {
                items.add(new Item(item.line() + linesBefore, item.id(), item.createdMilli(), item.segment(),
                        item.period()));
            }
            latest = Math.max(latest, later.latest);
            rows += later.rows;
            rated += later.rated;
            highest = Math.max(highest, later.highest);
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
        if (id != null && list == null) {
            throw new ParameterException(spec.commandLine(), "--id names the rows that --list lists; add --list"
                    + " overdue or --list unresponded");
        }
        List<String> columns = new ArrayList<>(List.of(ratingColumn, created, responded));
        columns.addAll(input.by);
        int idSlot = id != null ? columns.size() : -1;
        if (id != null) {
            columns.add(id);
        }
        int segments = input.by.size();
        long slaMillis = sla.toMillis();
        boolean listing = list != null;
        boolean grouped = GroupReport.grouped(input);
        PrintWriter err = spec.commandLine().getErr();

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
                if (createdAt != ExportRow.NO_TIME) {
                    part.earlyCreated.add(Math.floorDiv(createdAt, 1000L));
                }
                if (respondedAt != ExportRow.NO_TIME) {
                    part.earlyResponded.add(Math.floorDiv(respondedAt, 1000L));
                }
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
                if (value != ExportRow.BLANK) {
                    part.rated++;
                    part.highest = Math.max(part.highest, value);
                }
                LoopTally group = part.overall;
                long bucket = buckets != null ? buckets.bucket(Math.floorDiv(createdAt, 1000L)) : GroupKey.NO_PERIOD;
                if (part.table != null) {
                    group = part.table.find(row, bucket);
                }
                if (value != ExportRow.BLANK && value <= trigger) {
                    if (respondedAt == ExportRow.NO_TIME) {
                        group.addNotContacted(createdAt);
                        if (listing && (fixedAsOf == null || list == ListWhat.UNRESPONDED
                                || overdue(createdAt, slaMillis, fixedAsOf.toEpochMilli()))) {
                            part.items.add(item(row, idSlot, segments, createdAt, bucket));
                        }
                    } else {
                        group.addContacted(createdAt, respondedAt);
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
        PrintWriter out = spec.commandLine().getOut();
        Listing listed = list == null ? null : new Listing(list, listedItems(all.items, summaryAsOf), summaryAsOf);
        new GroupReport<>(input, rows, invalid, overall, groups).print(out, err, json -> {
            if (asOf == null) {
                json.writeNullField("asOf");
            } else {
                json.writeStringField("asOf", asOf.toString());
            }
            json.writeStringField("sla", sla.toString());
        }, LoopCommand::fields, new LoopColumns(), "; as of " + (asOf == null ? "-" : asOf.toString()) + ", SLA "
                + sla, Reports.wrap("triggered = rating at most " + trigger + "; within SLA = responded within " + sla
                + "; overdue = unresponded and created + SLA before the as-of time; h = hours from created to first"
                + " response (median and p90 by nearest rank).", ScoreCommand.LEGEND_WIDTH), listed);
        input.printNotes(err);
        Warnings warnings = new Warnings(input.source());
        if (isNps) {
            warnings.npsScale(ratingColumn, all.rated, all.highest);
        } else {
            warnings.ratingScale("CSAT", "--csat-scale", ratingColumn, csatScale, all.rated, all.highest);
        }
        warnings.missingMarkers(invalid, input.na);
        warnings.earlyTimes(created, all.earlyCreated);
        warnings.earlyTimes(responded, all.earlyResponded);
        warnings.print(err, spec.qualifiedName());
        return 0;
    }

    /** Whether feedback created then is overdue as of then: created + SLA before the as-of time, without overflow. */
    static boolean overdue(long createdMilli, long slaMillis, long asOfMilli) {
        long deadlineBound = asOfMilli - slaMillis;
        boolean overflow = ((asOfMilli ^ slaMillis) & (asOfMilli ^ deadlineBound)) < 0;
        return createdMilli < (overflow ? Long.MIN_VALUE + 1 : deadlineBound);
    }

    private static Item item(ExportRow row, int idSlot, int segments, long createdMilli, long bucket) {
        String[] segment = new String[segments];
        for (int i = 0; i < segments; i++) {
            segment[i] = row.value(3 + i);
        }
        return new Item(row.line(), idSlot < 0 ? null : row.value(idSlot), createdMilli, segment, bucket);
    }

    /** The items --list shows, in its order: oldest created first (so most overdue first), then by line. */
    private List<Item> listedItems(List<Item> candidates, Instant asOf) {
        long slaMillis = sla.toMillis();
        long asOfMilli = asOf.toEpochMilli();
        List<Item> items = new ArrayList<>();
        for (Item item : candidates) {
            if (list == ListWhat.UNRESPONDED || overdue(item.createdMilli(), slaMillis, asOfMilli)) {
                items.add(item);
            }
        }
        items.sort(Comparator.comparingLong(Item::createdMilli).thenComparingLong(Item::line));
        return items;
    }

    /** The rows --list shows, in every output. */
    private final class Listing implements GroupReport.Listing {

        private final ListWhat what;
        private final List<Item> items;
        private final long asOfMilli;

        Listing(ListWhat what, List<Item> items, Instant asOf) {
            this.what = what;
            this.items = items;
            this.asOfMilli = asOf.toEpochMilli();
        }

        @Override
        public String title() {
            String rows = items.size() + (items.size() == 1 ? " row" : " rows");
            return what == ListWhat.OVERDUE
                    ? "overdue: " + rows + " (triggered, no response, created + SLA before the as-of time),"
                            + " most overdue first"
                    : "unresponded: " + rows + " (triggered, no response), oldest first";
        }

        @Override
        public int size() {
            return items.size();
        }

        private double overdueHours(Item item) {
            return ((double) asOfMilli - item.createdMilli() - sla.toMillis()) / 3_600_000.0;
        }

        @Override
        public List<String> header() {
            List<String> header = new ArrayList<>();
            if (id != null) {
                header.add(id);
            }
            header.add("created");
            header.addAll(input.by);
            if (input.period != null) {
                header.add("period");
            }
            header.addAll(List.of("line", "overdue h"));
            return header;
        }

        @Override
        public int labelColumns() {
            return header().size() - 2;
        }

        @Override
        public List<String> cells(int index) {
            Item item = items.get(index);
            List<String> cells = new ArrayList<>();
            if (id != null) {
                cells.add(item.id() == null ? "(blank)" : item.id());
            }
            cells.add(Instant.ofEpochMilli(item.createdMilli()).toString());
            for (String value : item.segment()) {
                cells.add(value == null ? "(blank)" : value);
            }
            if (input.period != null) {
                cells.add(input.period.label(item.period()));
            }
            cells.add(Long.toString(item.line()));
            cells.add(Reports.number(overdueHours(item), 1));
            return cells;
        }

        @Override
        public List<CsvTable.Column> csvColumns() {
            List<CsvTable.Column> columns = new ArrayList<>(List.of(CsvTable.Column.number("line"),
                    CsvTable.Column.text("id"), CsvTable.Column.text("created")));
            input.by.forEach(column -> columns.add(CsvTable.Column.text(column)));
            if (input.period != null) {
                columns.add(CsvTable.Column.text("period"));
            }
            columns.add(CsvTable.Column.number("overdue_hours"));
            return columns;
        }

        @Override
        public List<@Nullable String> csvCells(int index) {
            Item item = items.get(index);
            List<@Nullable String> cells = new ArrayList<>();
            cells.add(Long.toString(item.line()));
            cells.add(item.id());
            cells.add(Instant.ofEpochMilli(item.createdMilli()).toString());
            cells.addAll(Arrays.asList(item.segment()));
            if (input.period != null) {
                cells.add(input.period.label(item.period()));
            }
            cells.add(Reports.csvNumber(overdueHours(item)));
            return cells;
        }

        @Override
        public void json(JsonGenerator json) throws IOException {
            json.writeArrayFieldStart("items");
            for (Item item : items) {
                json.writeStartObject();
                json.writeNumberField("line", item.line());
                if (item.id() == null) {
                    json.writeNullField("id");
                } else {
                    json.writeStringField("id", item.id());
                }
                json.writeStringField("created", Instant.ofEpochMilli(item.createdMilli()).toString());
                Reports.groupKey(json, new GroupKey(item.segment(), item.period()), input.by, input.period);
                json.writeNumberField("overdueHours", overdueHours(item));
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    /** The columns of the table and CSV outputs. */
    private static final class LoopColumns implements GroupReport.Columns<LoopSummary> {

        @Override
        public List<String> header() {
            return List.of("triggered", "responded", "within SLA", "unresponded", "overdue", "response %", "SLA %",
                    "mean h", "median h", "p90 h");
        }

        @Override
        public List<String> cells(LoopSummary s) {
            DurationSummary time = s.timeToContact();
            return List.of(Long.toString(s.needed()), Long.toString(s.contacted()),
                    Long.toString(s.contactedWithinDeadline()), Long.toString(s.notContacted()),
                    Long.toString(s.overdue()),
                    Reports.number(s.contactedPercent(), 1), Reports.number(s.withinDeadlinePercent(), 1),
                    time == null ? "-" : Reports.number(time.meanHours(), 1),
                    time == null ? "-" : Reports.number(time.medianHours(), 1),
                    time == null ? "-" : Reports.number(time.p90Hours(), 1));
        }

        @Override
        public List<CsvTable.Column> csvColumns() {
            List<CsvTable.Column> columns = new ArrayList<>();
            for (String name : List.of("triggered", "responded", "responded_within_sla", "unresponded", "overdue",
                    "response_rate", "sla_rate", "time_to_respond_hours_mean", "time_to_respond_hours_median",
                    "time_to_respond_hours_p90")) {
                columns.add(CsvTable.Column.number(name));
            }
            return columns;
        }

        @Override
        public List<@Nullable String> csvCells(LoopSummary s) {
            DurationSummary time = s.timeToContact();
            List<@Nullable String> cells = new ArrayList<>(List.of(Long.toString(s.needed()),
                    Long.toString(s.contacted()), Long.toString(s.contactedWithinDeadline()),
                    Long.toString(s.notContacted()), Long.toString(s.overdue()),
                    Reports.csvNumber(s.contactedPercent()), Reports.csvNumber(s.withinDeadlinePercent())));
            cells.add(time == null ? null : Reports.csvNumber(time.meanHours()));
            cells.add(time == null ? null : Reports.csvNumber(time.medianHours()));
            cells.add(time == null ? null : Reports.csvNumber(time.p90Hours()));
            return cells;
        }
    }

    /** Whether one timestamp cell is before another, to the nanosecond; both cells are known not to be blank. */
    private static boolean before(ExportRow row, int column, int other, ZoneId zone) {
        Instant at = row.instant(column, zone);
        Instant otherAt = row.instant(other, zone);
        return at != null && otherAt != null && at.isBefore(otherAt);
    }

    private static void fields(JsonGenerator json, LoopSummary s) throws IOException {
        json.writeNumberField("triggered", s.needed());
        json.writeNumberField("responded", s.contacted());
        json.writeNumberField("respondedWithinSla", s.contactedWithinDeadline());
        json.writeNumberField("unresponded", s.notContacted());
        json.writeNumberField("overdue", s.overdue());
        json.writeNumberField("responseRate", s.contactedPercent());
        json.writeNumberField("slaRate", s.withinDeadlinePercent());
        DurationSummary time = s.timeToContact();
        if (time != null) {
            json.writeObjectFieldStart("timeToRespondHours");
            json.writeNumberField("mean", time.meanHours());
            json.writeNumberField("median", time.medianHours());
            json.writeNumberField("p90", time.p90Hours());
            json.writeEndObject();
        }
    }
}
