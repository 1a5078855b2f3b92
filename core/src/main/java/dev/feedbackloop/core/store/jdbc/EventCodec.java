package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.event.FeedbackEvent.CustomerDueForContact;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpClosed;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpContacted;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpEscalated;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpOpened;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpResolved;
import dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.Priority;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text form of a {@link FeedbackEvent} in the outbox table, for example
 * {@code FollowUpOpened?followUpId=r1%2Fnps&...}: the record's simple name, then its components URL-encoded.
 * Stateless and thread-safe; {@code decode(encode(e)).equals(e)} for every event.
 */
final class EventCodec {

    private EventCodec() {
    }

    /**
     * Encodes an event.
     *
     * @param event the event
     * @return its text form
     */
    static String encode(FeedbackEvent event) {
        var fields = new LinkedHashMap<String, @Nullable Object>();
        String kind;
        if (event instanceof ResponseAccepted e) {
            kind = "ResponseAccepted";
            fields.put("responseId", e.responseId());
            fields.put("surveyId", e.surveyId());
            fields.put("surveyVersion", e.surveyVersion());
            fields.put("customerId", e.customerId());
        } else if (event instanceof FollowUpOpened e) {
            kind = "FollowUpOpened";
            fields.put("followUpId", e.followUpId());
            fields.put("responseId", e.responseId());
            fields.put("policyId", e.policyId());
            fields.put("owner", e.owner());
            fields.put("priority", e.priority());
            fields.put("firstContactDue", e.firstContactDue());
            fields.put("customerId", e.customerId());
        } else if (event instanceof FollowUpContacted e) {
            kind = "FollowUpContacted";
            fields.put("followUpId", e.followUpId());
            fields.put("by", e.by());
            fields.put("channel", e.channel());
            fields.put("customerId", e.customerId());
        } else if (event instanceof FollowUpResolved e) {
            kind = "FollowUpResolved";
            fields.put("followUpId", e.followUpId());
            fields.put("by", e.by());
            fields.put("code", e.code());
            fields.put("customerId", e.customerId());
        } else if (event instanceof FollowUpClosed e) {
            kind = "FollowUpClosed";
            fields.put("followUpId", e.followUpId());
            fields.put("by", e.by());
            fields.put("reason", e.reason());
            fields.put("customerId", e.customerId());
        } else if (event instanceof FollowUpEscalated e) {
            kind = "FollowUpEscalated";
            fields.put("followUpId", e.followUpId());
            fields.put("deadline", e.deadline());
            fields.put("due", e.due());
            fields.put("step", e.step());
            fields.put("escalatedTo", e.escalatedTo());
            fields.put("customerId", e.customerId());
        } else if (event instanceof CustomerDueForContact e) {
            kind = "CustomerDueForContact";
            fields.put("customerId", e.customerId());
            fields.put("tier", e.tier());
            fields.put("lastTouch", e.lastTouch());
            fields.put("dueAt", e.dueAt());
        } else {
            throw new AssertionError("unknown event " + event.getClass());
        }
        fields.put("at", event.at());
        var text = new StringBuilder(kind).append('?');
        boolean first = true;
        for (var field : fields.entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            if (!first) {
                text.append('&');
            }
            first = false;
            text.append(field.getKey()).append('=')
                    .append(URLEncoder.encode(String.valueOf(field.getValue()), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /**
     * Decodes an event.
     *
     * @param text the text form from {@link #encode(FeedbackEvent)}
     * @return the event
     * @throws JdbcStoreException if the text is not an encoded event
     */
    static FeedbackEvent decode(String text) {
        try {
            int question = text.indexOf('?');
            if (question < 0) {
                throw new IllegalArgumentException("no '?' after the kind");
            }
            String kind = text.substring(0, question);
            var fields = new Fields(text.substring(question + 1));
            return switch (kind) {
                case "ResponseAccepted" -> new ResponseAccepted(fields.text("responseId"), fields.text("surveyId"),
                        Integer.parseInt(fields.text("surveyVersion")), fields.optional("customerId"),
                        fields.instant("at"));
                case "FollowUpOpened" -> new FollowUpOpened(fields.text("followUpId"), fields.text("responseId"),
                        fields.policyId(), fields.text("owner"), Priority.valueOf(fields.text("priority")),
                        fields.instant("firstContactDue"), fields.optional("customerId"), fields.instant("at"));
                case "FollowUpContacted" -> new FollowUpContacted(fields.text("followUpId"), fields.text("by"),
                        fields.text("channel"), fields.optional("customerId"), fields.instant("at"));
                // written before closing had an event of its own: resolved=false meant closed
                case "FollowUpResolved" -> "false".equals(fields.optional("resolved"))
                        ? new FollowUpClosed(fields.text("followUpId"), fields.text("by"), fields.text("code"),
                                fields.optional("customerId"), fields.instant("at"))
                        : new FollowUpResolved(fields.text("followUpId"), fields.text("by"), fields.text("code"),
                                fields.optional("customerId"), fields.instant("at"));
                case "FollowUpClosed" -> new FollowUpClosed(fields.text("followUpId"), fields.text("by"),
                        fields.text("reason"), fields.optional("customerId"), fields.instant("at"));
                case "FollowUpEscalated" -> new FollowUpEscalated(fields.text("followUpId"),
                        DeadlineKind.valueOf(fields.text("deadline")), fields.instant("due"),
                        Integer.parseInt(fields.text("step")), fields.text("escalatedTo"),
                        fields.optional("customerId"), fields.instant("at"));
                case "CustomerDueForContact" -> new CustomerDueForContact(fields.text("customerId"),
                        fields.text("tier"), fields.optionalInstant("lastTouch"), fields.instant("dueAt"),
                        fields.instant("at"));
                default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
            };
        } catch (RuntimeException e) {
            // neither the text nor the parser's message, which quotes it, belong in the message: ids are personal
            throw new JdbcStoreException("JDBC store could not read an outbox event; expected the form"
                    + " Kind?name=value&... that this store writes", e);
        }
    }

    private static final class Fields {

        private final Map<String, String> values = new LinkedHashMap<>();

        Fields(String query) {
            if (query.isEmpty()) {
                return;
            }
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("field '" + pair + "' has no '='");
                }
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }

        String text(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("field '" + name + "' is missing");
            }
            return value;
        }

        @Nullable String optional(String name) {
            return values.get(name);
        }

        /** The policy id of a {@code FollowUpOpened}, also from outboxes written when it was called rule id. */
        String policyId() {
            String legacy = values.get("ruleId");
            return legacy != null && !values.containsKey("policyId") ? legacy : text("policyId");
        }

        Instant instant(String name) {
            return Instant.parse(text(name));
        }

        @Nullable Instant optionalInstant(String name) {
            String value = values.get(name);
            return value == null ? null : Instant.parse(value);
        }
    }
}
