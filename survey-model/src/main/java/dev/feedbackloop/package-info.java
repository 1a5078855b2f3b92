/**
 * The root of Feedback Loop: {@link dev.feedbackloop.FeedbackLoopException}, the base of every domain failure, and
 * {@link dev.feedbackloop.NotFoundException}, what every throwing lookup of the library throws (each has a
 * {@code find…} twin that returns an {@link java.util.Optional} instead).
 */
@NullMarked
package dev.feedbackloop;

import org.jspecify.annotations.NullMarked;
