/**
 * The store test kit: the behaviour every {@link dev.feedbackloop.core.store.FeedbackStore} must show, as abstract
 * JUnit 5 tests of the store interface.
 *
 * <p>Entry points: {@link dev.feedbackloop.store.tck.FeedbackStoreContract} (what each operation stores, returns and
 * refuses) and {@link dev.feedbackloop.store.tck.StoreConcurrencyContract} (many threads at once). A store
 * implementation shows that it behaves as the library requires by subclassing both in its test sources and returning
 * a new, empty store from {@code newStore()}; the library's own stores run them the same way.
 */
@NullMarked
package dev.feedbackloop.store.tck;

import org.jspecify.annotations.NullMarked;
