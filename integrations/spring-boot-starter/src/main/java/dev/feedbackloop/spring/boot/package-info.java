/**
 * Spring Boot auto-configuration for Feedback Loop: add {@code feedbackloop-spring-boot-starter} to an application
 * and it gets a {@link dev.feedbackloop.core.FeedbackLoop} bean over its {@link javax.sql.DataSource}, with the
 * surveys of its {@code feedbackloop/surveys/*.json} files and {@link dev.feedbackloop.survey.Survey} beans
 * registered, escalation and event delivery scheduled, a health indicator when the actuator is present and the
 * loop's meters when Micrometer is.
 *
 * <p>Entry points: {@link dev.feedbackloop.spring.boot.FeedbackLoopAutoConfiguration} (what is built, from which
 * beans), {@link dev.feedbackloop.spring.boot.FeedbackLoopProperties} (every {@code feedbackloop.*} property) and
 * {@link dev.feedbackloop.spring.boot.FeedbackLoopBuilderCustomizer} (the hook for the rest of the builder).
 */
@NullMarked
package dev.feedbackloop.spring.boot;

import org.jspecify.annotations.NullMarked;
