/**
 * The JSON form of surveys and responses.
 *
 * <p>Entry point: {@link dev.feedbackloop.survey.json.SurveyJson} (thread-safe), with
 * {@link dev.feedbackloop.survey.json.JsonLimits} for hostile input; every failure to read is a
 * {@link dev.feedbackloop.survey.json.SurveyJsonException} naming the path, line and column. The format is
 * documented in the module's {@code JSON.md}; a JSON Schema for survey definitions ships as the resource
 * {@code dev/feedbackloop/survey/json/survey.schema.json}.
 */
@NullMarked
package dev.feedbackloop.survey.json;

import org.jspecify.annotations.NullMarked;
