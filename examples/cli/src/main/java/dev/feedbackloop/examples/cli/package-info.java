/**
 * The {@code feedbackloop} command line: {@link dev.feedbackloop.examples.cli.FeedbackLoopCommand} with the
 * subcommands {@code score}, {@code loop} and {@code demo}, as {@code docs/cli.md} specifies them. The statistics come
 * from the scoring module's tallies; this package only reads options, streams the export and prints.
 */
@NullMarked
package dev.feedbackloop.examples.cli;

import org.jspecify.annotations.NullMarked;
