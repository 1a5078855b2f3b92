/**
 * Not API: the byte-level readers of export cells and timestamps that {@code dev.feedbackloop.scoring.export} and
 * the Spark integration share, so that every reader applies the command line's rules for blanks, ratings and
 * timestamps in exactly one place; and the guard against spreadsheet formulas that every CSV writer (the exports of
 * {@code dev.feedbackloop.core.export}, the command line's tables) applies to text cells. Public only so that other Feedback Loop modules can use them; they may change
 * in any release.
 */
@NullMarked
package dev.feedbackloop.scoring.internal;

import org.jspecify.annotations.NullMarked;
