/**
 * A {@link dev.feedbackloop.core.store.FeedbackStore} in a relational database over plain JDBC:
 * {@link dev.feedbackloop.core.store.jdbc.JdbcStore}, created from the host's {@link javax.sql.DataSource} with
 * {@link dev.feedbackloop.core.store.jdbc.JdbcStore#of(javax.sql.DataSource)}; H2 and PostgreSQL are supported
 * ({@link dev.feedbackloop.core.store.jdbc.JdbcDialect}); failures of the database are reported as
 * {@link dev.feedbackloop.core.store.jdbc.JdbcStoreException}.
 */
@NullMarked
package dev.feedbackloop.core.store.jdbc;

import org.jspecify.annotations.NullMarked;
