/**
 * The demo data seeded on the first start: {@link dev.feedbackloop.examples.webapp.demo.DemoData}.
 */
@NullMarked
package dev.feedbackloop.examples.webapp.demo;

import org.jspecify.annotations.NullMarked;
