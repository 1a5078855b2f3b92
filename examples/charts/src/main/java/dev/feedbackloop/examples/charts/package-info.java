/**
 * The reports' charts as inline SVG, shared by the demo's HTML report and the web app's dashboard: entry point
 * {@link dev.feedbackloop.examples.charts.Charts}, fed with {@link dev.feedbackloop.examples.charts.PeriodScore},
 * {@link dev.feedbackloop.examples.charts.SegmentScore}, {@link dev.feedbackloop.examples.charts.Standing} and
 * {@link dev.feedbackloop.examples.charts.Bucket}; every text from data goes through
 * {@link dev.feedbackloop.examples.charts.Html#escape(String)}.
 */
@NullMarked
package dev.feedbackloop.examples.charts;

import org.jspecify.annotations.NullMarked;
