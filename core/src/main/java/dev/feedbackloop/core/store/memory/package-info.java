/**
 * The default, in-memory {@link dev.feedbackloop.core.store.FeedbackStore}:
 * {@link dev.feedbackloop.core.store.memory.InMemoryStore}.
 */
@NullMarked
package dev.feedbackloop.core.store.memory;

import org.jspecify.annotations.NullMarked;
