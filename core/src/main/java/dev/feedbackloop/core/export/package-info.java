/**
 * Exports of stored responses ({@link dev.feedbackloop.core.export.ResponseExport}) and follow-ups
 * ({@link dev.feedbackloop.core.export.FollowUpExport}) as CSV or JSON Lines, safe to open in a spreadsheet: every
 * user-controlled text cell that a spreadsheet would read as a formula (it starts with {@code = + - @}, a tab, a
 * carriage return or NUL) gets a single quote in front, as OWASP recommends; numeric columns are written as numbers.
 * The scoring module's {@link dev.feedbackloop.scoring.export.ExportReader} reads the files back.
 */
@NullMarked
package dev.feedbackloop.core.export;

import org.jspecify.annotations.NullMarked;
