/**
 * Streaming readers for the CSV and JSON Lines exports that survey tools, app stores and help desks produce.
 *
 * <p>Entry points: {@link dev.feedbackloop.scoring.export.ExportReader} (or its
 * {@linkplain dev.feedbackloop.scoring.export.ExportReader#builder builder}, for a CSV delimiter) opens a file or stream
 * as people have it (gzip-compressed, UTF-8 or UTF-16, comma, semicolon, tab or bar separated) and hands each record
 * to a callback as an {@link dev.feedbackloop.scoring.export.ExportRow}, which reads its cells as text, ratings and
 * timestamps (in the zone the caller passes); {@link dev.feedbackloop.scoring.export.ExportReader#parseTimestamp}
 * reads a timestamp written elsewhere the same way. Unusable input is reported as an
 * {@link dev.feedbackloop.scoring.export.ExportFormatException} naming the source, the physical line, the column and
 * the value. Memory does not grow with the number of rows read. The byte-level readers of cells and timestamps
 * behind the rows live in {@code dev.feedbackloop.scoring.internal}, which is not API.
 */
@NullMarked
package dev.feedbackloop.scoring.export;

import org.jspecify.annotations.NullMarked;
