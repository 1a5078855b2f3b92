/**
 * JUnit 5 support for Feedback Loop's tests and for hosts that run its store test kit.
 *
 * <p>Entry points: {@link dev.feedbackloop.testing.Seeds}, the extension that gives every randomized test a fixed,
 * printed {@link dev.feedbackloop.testing.Seed} which the system property
 * {@value dev.feedbackloop.testing.Seeds#PROPERTY} overrides; {@link dev.feedbackloop.testing.StartGate}, which
 * releases the tasks of a concurrency test together.
 */
@NullMarked
package dev.feedbackloop.testing;

import org.jspecify.annotations.NullMarked;
