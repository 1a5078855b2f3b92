/**
 * The closing-the-loop demo behind {@code feedbackloop demo}; entry point
 * {@link dev.feedbackloop.examples.demo.DemoCommand}.
 */
@NullMarked
package dev.feedbackloop.examples.demo;

import org.jspecify.annotations.NullMarked;
