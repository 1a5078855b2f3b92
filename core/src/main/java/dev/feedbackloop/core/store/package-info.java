/**
 * The storage SPI: {@link dev.feedbackloop.core.store.FeedbackStore} holds survey versions, responses, follow-ups,
 * customers, touches and the event outbox, with one atomic
 * {@link dev.feedbackloop.core.store.FeedbackStore#submit(Submission)} per response, or
 * {@link dev.feedbackloop.core.store.FeedbackStore#submitAll(java.util.List)} for a batch. The library's stores: in
 * memory ({@link dev.feedbackloop.core.store.FeedbackStore#inMemory()}, the default) and
 * {@link dev.feedbackloop.core.store.jdbc.JdbcStore} (H2 and PostgreSQL). The values passed through the SPI
 * ({@link dev.feedbackloop.core.store.Submission}, {@link dev.feedbackloop.core.store.FollowUpChange},
 * {@link dev.feedbackloop.core.store.StoredResponse}, ...) are immutable records.
 * {@link dev.feedbackloop.core.store.ForwardingFeedbackStore} is the base for decorators (metrics, tracing); the
 * module {@code feedbackloop-store-tck} holds the contract tests that every implementation must pass.
 */
@NullMarked
package dev.feedbackloop.core.store;

import org.jspecify.annotations.NullMarked;
