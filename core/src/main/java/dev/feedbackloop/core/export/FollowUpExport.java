package dev.feedbackloop.core.export;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.scoring.export.ExportFormat;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exports follow-ups as CSV or JSON Lines, one row per follow-up, safe to open in a spreadsheet. Immutable and
 * thread-safe; {@link #write(FeedbackLoop, Writer)} streams, so memory does not grow with the number of follow-ups.
 *
 * <p>Columns, in order: {@code followUpId, version, responseId, surveyId, policyId, reason, priority, owner,
 * customerId, state, openedAt, firstContactDue, resolutionDue, contactedAt, contactedBy, contactChannel, contactNote,
 * resolvedAt, resolvedBy, resolutionCode, rootCause, resolutionNote, closeReason, escalations}. {@code version}
 * and {@code escalations} (how many escalation steps fired) are numbers, written as they are; every other cell,
 * including the notes that agents type, is neutralised against formula injection (see the package description) and
 * quoted in CSV (RFC 4180). Blank cells (CSV) or {@code null} (JSON Lines) are steps not taken yet.
 */
public final class FollowUpExport {

    static final String COLUMN_NAMES = "followUpId, version, responseId, surveyId, policyId, reason, priority, owner,"
            + " customerId, state, openedAt, firstContactDue, resolutionDue, contactedAt, contactedBy, contactChannel,"
            + " contactNote, resolvedAt, resolvedBy, resolutionCode, rootCause, resolutionNote, closeReason,"
            + " escalations";

    private static final List<TableWriter.Column> COLUMNS = List.of(COLUMN_NAMES.split(", ")).stream()
            .map(name -> new TableWriter.Column(name, name.equals("version") || name.equals("escalations")))
            .toList();

    private final ExportFormat format;

    private FollowUpExport(ExportFormat format) {
        this.format = format;
    }

    /**
     * Returns an export of follow-ups.
     *
     * @param format CSV or JSON Lines
     * @return the export
     */
    public static FollowUpExport of(ExportFormat format) {
        return new FollowUpExport(Objects.requireNonNull(format, "format"));
    }

    /**
     * Returns the column names, in order.
     *
     * @return the names
     */
    public List<String> columns() {
        return COLUMNS.stream().map(TableWriter.Column::name).toList();
    }

    /**
     * Writes the header (CSV) and every stored follow-up, in order of opening then id.
     *
     * @param loop the feedback loop
     * @param out where to write; flushed, not closed
     * @return the number of follow-ups written
     * @throws java.io.UncheckedIOException if writing fails
     */
    public long write(FeedbackLoop loop, Writer out) {
        Objects.requireNonNull(loop, "loop");
        return table(out).writeAll(loop::forEachFollowUp, FollowUpExport::cells);
    }

    /**
     * Writes the header (CSV) and the given follow-ups.
     *
     * @param followUps the follow-ups, in the order to write
     * @param out where to write; flushed, not closed
     * @return the number of follow-ups written
     * @throws java.io.UncheckedIOException if writing fails
     */
    public long write(Iterable<FollowUp> followUps, Writer out) {
        Objects.requireNonNull(followUps, "followUps");
        return table(out).writeAll(followUps::forEach, FollowUpExport::cells);
    }

    private TableWriter table(Writer out) {
        return new TableWriter(format, COLUMNS, Objects.requireNonNull(out, "out"));
    }

    private static List<@Nullable String> cells(FollowUp f) {
        Contact contact = f.firstContact();
        Resolution resolution = f.resolution();
        var cells = new ArrayList<@Nullable String>();
        cells.add(f.id());
        cells.add(Long.toString(f.version()));
        cells.add(f.responseId());
        cells.add(f.surveyId());
        cells.add(f.policyId());
        cells.add(f.reason());
        cells.add(f.priority().name());
        cells.add(f.owner());
        cells.add(f.customerId());
        cells.add(f.state().name());
        cells.add(text(f.openedAt()));
        cells.add(text(f.firstContactDue()));
        cells.add(text(f.resolutionDue()));
        cells.add(contact == null ? null : text(contact.at()));
        cells.add(contact == null ? null : contact.by());
        cells.add(contact == null ? null : contact.channel());
        cells.add(contact == null ? null : contact.note());
        cells.add(resolution == null ? null : text(resolution.at()));
        cells.add(resolution == null ? null : resolution.by());
        cells.add(resolution == null ? null : resolution.code());
        cells.add(resolution == null ? null : resolution.rootCause());
        cells.add(resolution == null ? null : resolution.note());
        cells.add(f.closeReason());
        cells.add(Integer.toString(f.escalations().size()));
        return cells;
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
