package dev.feedbackloop.core.export;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.scoring.export.ExportFormat;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exports the responses to a survey as CSV or JSON Lines, one row per response, safe to open in a spreadsheet.
 * Immutable and thread-safe; {@link #write} streams, so memory does not grow with the number of responses.
 *
 * <p>Columns, in order: {@code responseId}, {@code surveyVersion}, {@code submittedAt}, {@code channel},
 * {@code customerId}, one {@code attribute.NAME} per {@linkplain #withAttributes(List) chosen attribute}, then per
 * question of the survey, in its order: the question id (NPS and rating questions: the rating; choice: the option ids
 * joined by {@code |}; text: the text; yes/no: {@code true} or {@code false}) and, for choice questions,
 * {@code ID.other} with the "other" text. A blank cell (CSV) or {@code null} (JSON Lines) is an unanswered question.
 * Answers to questions the given survey version does not have are left out.
 *
 * <p>Safety: {@code surveyVersion} and ratings are numbers, written as they are. Every other cell, header names
 * included, is user-controlled text and is neutralised against formula injection (see the package description); CSV
 * text cells are always quoted (RFC 4180, quotes doubled, CRLF line ends). The CSV reads back with the scoring module's
 * {@link dev.feedbackloop.scoring.export.ExportReader}.
 */
public final class ResponseExport {

    private final Survey survey;
    private final ExportFormat format;
    private final List<String> attributes;

    private ResponseExport(Survey survey, ExportFormat format, List<String> attributes) {
        this.survey = survey;
        this.format = format;
        this.attributes = List.copyOf(attributes);
    }

    /**
     * Returns an export of a survey's responses with no attribute columns.
     *
     * @param survey the survey version whose questions make the columns
     * @param format CSV or JSON Lines
     * @return the export
     */
    public static ResponseExport of(Survey survey, ExportFormat format) {
        return new ResponseExport(Objects.requireNonNull(survey, "survey"), Objects.requireNonNull(format, "format"),
                List.of());
    }

    /**
     * Returns this export with columns for respondent attributes.
     *
     * @param names the attribute names, in column order; unique
     * @return a new export
     * @throws IllegalArgumentException if a name repeats
     */
    public ResponseExport withAttributes(List<String> names) {
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("attributes: names repeat in " + names + "; expected unique names");
        }
        return new ResponseExport(survey, format, names);
    }

    /**
     * Returns the column names, in order.
     *
     * @return the names
     */
    public List<String> columns() {
        return columnList().stream().map(TableWriter.Column::name).toList();
    }

    private List<TableWriter.Column> columnList() {
        var columns = new ArrayList<TableWriter.Column>();
        columns.add(new TableWriter.Column("responseId", false));
        columns.add(new TableWriter.Column("surveyVersion", true));
        columns.add(new TableWriter.Column("submittedAt", false));
        columns.add(new TableWriter.Column("channel", false));
        columns.add(new TableWriter.Column("customerId", false));
        for (String name : attributes) {
            columns.add(new TableWriter.Column("attribute." + name, false));
        }
        for (Question question : survey.questions()) {
            columns.add(new TableWriter.Column(question.id(), isNumeric(question)));
            if (question instanceof ChoiceQuestion) {
                columns.add(new TableWriter.Column(question.id() + ".other", false));
            }
        }
        return columns;
    }

    private static boolean isNumeric(Question question) {
        if (question instanceof NpsQuestion || question instanceof RatingQuestion) {
            return true;
        } else if (question instanceof ChoiceQuestion || question instanceof TextQuestion
                || question instanceof YesNoQuestion) {
            return false;
        }
        throw new AssertionError(question);
    }

    /**
     * Writes the header (CSV) and every stored response to the survey, of every version, in order of receipt.
     *
     * @param loop the feedback loop
     * @param out where to write; flushed, not closed
     * @return the number of responses written
     * @throws java.io.UncheckedIOException if writing fails
     */
    public long write(FeedbackLoop loop, Writer out) {
        Objects.requireNonNull(loop, "loop");
        return table(out).writeAll(action -> loop.forEachResponse(survey.id(), action), this::cells);
    }

    /**
     * Writes the header (CSV) and the given responses.
     *
     * @param responses the responses, in the order to write
     * @param out where to write; flushed, not closed
     * @return the number of responses written
     * @throws java.io.UncheckedIOException if writing fails
     */
    public long write(Iterable<Response> responses, Writer out) {
        Objects.requireNonNull(responses, "responses");
        return table(out).writeAll(responses::forEach, this::cells);
    }

    private TableWriter table(Writer out) {
        return new TableWriter(format, columnList(), Objects.requireNonNull(out, "out"));
    }

    /** Returns the cells of one response, {@code null} for blank. */
    private List<@Nullable String> cells(Response response) {
        var cells = new ArrayList<@Nullable String>();
        cells.add(response.id());
        cells.add(Integer.toString(response.surveyVersion()));
        cells.add(response.submittedAt().toString());
        cells.add(response.channel());
        cells.add(response.respondent().customerId());
        for (String name : attributes) {
            cells.add(response.respondent().attribute(name));
        }
        for (Question question : survey.questions()) {
            Answer answer = response.answer(question.id());
            boolean numeric = isNumeric(question);
            if (answer == null) {
                cells.add(null);
            } else if (answer instanceof Answer.Rating rating) {
                cells.add(Integer.toString(rating.value()));
            } else if (numeric) {
                cells.add(null);
            } else if (answer instanceof Answer.Choice choice) {
                cells.add(String.join("|", choice.optionIds()));
            } else if (answer instanceof Answer.Text text) {
                cells.add(text.text());
            } else if (answer instanceof Answer.YesNo yesNo) {
                cells.add(Boolean.toString(yesNo.value()));
            } else {
                throw new AssertionError(answer);
            }
            if (question instanceof ChoiceQuestion) {
                cells.add(answer instanceof Answer.Choice choice ? choice.otherText() : null);
            }
        }
        return cells;
    }
}
