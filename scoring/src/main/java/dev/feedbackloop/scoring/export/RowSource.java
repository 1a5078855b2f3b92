package dev.feedbackloop.scoring.export;

import java.io.Closeable;
import java.util.List;
import java.util.function.Consumer;

/** A format-specific reader behind {@link ExportReader}. */
interface RowSource extends Closeable {

    /** The columns known before reading rows: the CSV header, or an empty list for JSON Lines. */
    List<String> header();

    /** Reads every row through the selected columns; returns the number of data rows read. */
    long read(List<String> columns, Consumer<? super ExportRow> handler);
}
