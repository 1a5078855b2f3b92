/**
 * The storage SPI: {@link dev.feedbackloop.core.store.FeedbackStore} holds responses, follow-ups, customers, touches
 * and the event outbox, with one atomic {@link dev.feedbackloop.core.store.FeedbackStore#submit(Submission)} per
 * response. The in-memory implementation is {@link dev.feedbackloop.core.store.memory.InMemoryStore}.
 */
@NullMarked
package dev.feedbackloop.core.store;

import org.jspecify.annotations.NullMarked;
