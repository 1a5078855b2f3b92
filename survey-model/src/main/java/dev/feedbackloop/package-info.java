/**
 * The root of Feedback Loop: {@link dev.feedbackloop.FeedbackLoopException}, the base of every domain failure.
 */
@NullMarked
package dev.feedbackloop;

import org.jspecify.annotations.NullMarked;
