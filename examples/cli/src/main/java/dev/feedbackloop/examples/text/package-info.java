/** Plain-text and Markdown tables that the command line and the demo print. */
@NullMarked
package dev.feedbackloop.examples.text;

import org.jspecify.annotations.NullMarked;
