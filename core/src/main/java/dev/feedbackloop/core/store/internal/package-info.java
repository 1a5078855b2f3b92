/**
 * Not API: what the library's own stores tell the feedback loop beyond the store SPI
 * ({@link dev.feedbackloop.core.store.internal.ReportingStore}: the outbox entries a submission appended). Public only
 * so that the JDBC store and the loop, in other packages, share it; anything here may change without notice.
 */
@NullMarked
package dev.feedbackloop.core.store.internal;

import org.jspecify.annotations.NullMarked;
