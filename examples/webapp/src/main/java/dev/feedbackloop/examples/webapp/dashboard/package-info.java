/**
 * The dashboard: scores with intervals and significant changes, and "did we respond?" by segment, period and
 * owner; {@link dev.feedbackloop.examples.webapp.dashboard.Dashboard} holds every call into the library.
 */
@NullMarked
package dev.feedbackloop.examples.webapp.dashboard;

import org.jspecify.annotations.NullMarked;
