/**
 * Exports of stored responses ({@link dev.feedbackloop.core.export.ResponseExport}) and follow-ups
 * ({@link dev.feedbackloop.core.export.FollowUpExport}) as CSV or JSON Lines, safe to open in a spreadsheet: every
 * user-controlled text cell is neutralised against formula injection by
 * {@link dev.feedbackloop.core.export.FormulaGuard}, numeric columns are written as numbers. The scoring module's
 * {@link dev.feedbackloop.scoring.export.ExportReader} reads the files back.
 */
@NullMarked
package dev.feedbackloop.core.export;

import org.jspecify.annotations.NullMarked;
