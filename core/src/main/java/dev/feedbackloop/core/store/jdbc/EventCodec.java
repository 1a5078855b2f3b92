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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text form of a {@link FeedbackEvent} in the outbox table, for example
 * {@code FollowUpOpened?followUpId=r1%2Fnps&...}: the record's simple name, then its components URL-encoded.
 * Stateless and thread-safe; {@code decode(encode(e)).equals(e)} for every event.
 */
final class EventCodec {

    /** {@code 0000-01-01T00:00:00Z} and {@code 9999-12-31T23:59:59Z} in seconds since the epoch. */
    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long LAST_SECOND_OF_YEAR_9999 = 253_402_300_799L;

    private EventCodec() {
    }

    /**
     * Encodes an event.
     *
     * @param event the event
     * @return its text form
     */
    static String encode(FeedbackEvent event) {
        Writer text;
        if (event instanceof ResponseAccepted e) {
            text = new Writer("ResponseAccepted").field("responseId", e.responseId()).field("surveyId", e.surveyId())
                    .field("surveyVersion", e.surveyVersion()).field("customerId", e.customerId());
        } else if (event instanceof FollowUpOpened e) {
            text = new Writer("FollowUpOpened").field("followUpId", e.followUpId())
                    .field("responseId", e.responseId()).field("policyId", e.policyId()).field("owner", e.owner())
                    .field("priority", e.priority()).field("firstContactDue", e.firstContactDue())
                    .field("customerId", e.customerId());
        } else if (event instanceof FollowUpContacted e) {
            text = new Writer("FollowUpContacted").field("followUpId", e.followUpId()).field("by", e.by())
                    .field("channel", e.channel()).field("customerId", e.customerId());
        } else if (event instanceof FollowUpResolved e) {
            text = new Writer("FollowUpResolved").field("followUpId", e.followUpId()).field("by", e.by())
                    .field("code", e.code()).field("customerId", e.customerId());
        } else if (event instanceof FollowUpClosed e) {
            text = new Writer("FollowUpClosed").field("followUpId", e.followUpId()).field("by", e.by())
                    .field("reason", e.reason()).field("customerId", e.customerId());
        } else if (event instanceof FollowUpEscalated e) {
            text = new Writer("FollowUpEscalated").field("followUpId", e.followUpId())
                    .field("deadline", e.deadline()).field("due", e.due()).field("step", e.step())
                    .field("escalatedTo", e.escalatedTo()).field("customerId", e.customerId());
        } else if (event instanceof CustomerDueForContact e) {
            text = new Writer("CustomerDueForContact").field("customerId", e.customerId()).field("tier", e.tier())
                    .field("lastTouch", e.lastTouch()).field("dueAt", e.dueAt());
        } else {
            throw new AssertionError("unknown event " + event.getClass());
        }
        return text.field("at", event.at()).toString();
    }

    /**
     * Writes {@code Kind?name=value&...}: the fields in the order given, URL-encoded, those without a value left out.
     */
    private static final class Writer {

        private final StringBuilder text = new StringBuilder(256);
        private boolean first = true;

        Writer(String kind) {
            text.append(kind).append('?');
        }

        Writer field(String name, @Nullable Object value) {
            if (value != null) {
                UrlText.append(name(name), value.toString());
            }
            return this;
        }

        Writer field(String name, @Nullable Instant value) {
            if (value != null) {
                appendInstant(name(name), value);
            }
            return this;
        }

        /** Starts a field: its separator, name and {@code =}. */
        private StringBuilder name(String name) {
            if (!first) {
                text.append('&');
            }
            first = false;
            return text.append(name).append('=');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Appends an instant as {@link Instant#toString()} writes it, URL-encoded ({@code :} as {@code %3A}): for years
     * 0 to 9999 written here, without {@link java.time.format.DateTimeFormatter}'s cost; others by
     * {@link Instant#toString()}.
     */
    static StringBuilder appendInstant(StringBuilder text, Instant at) {
        if (at.getEpochSecond() < FIRST_SECOND_OF_YEAR_0 || at.getEpochSecond() > LAST_SECOND_OF_YEAR_9999) {
            return UrlText.append(text, at.toString());
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        digits(text, utc.getYear(), 4).append('-');
        digits(text, utc.getMonthValue(), 2).append('-');
        digits(text, utc.getDayOfMonth(), 2).append('T');
        digits(text, utc.getHour(), 2).append("%3A");
        digits(text, utc.getMinute(), 2).append("%3A");
        digits(text, utc.getSecond(), 2);
        int nano = at.getNano();
        // as Instant.toString: the fraction in groups of three digits, as many as it needs
        if (nano == 0) {
            return text.append('Z');
        } else if (nano % 1_000_000 == 0) {
            digits(text.append('.'), nano / 1_000_000, 3);
        } else if (nano % 1_000 == 0) {
            digits(text.append('.'), nano / 1_000, 6);
        } else {
            digits(text.append('.'), nano, 9);
        }
        return text.append('Z');
    }

    /** Appends a non-negative number with leading zeros up to {@code width} digits. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int power = 10, digits = 1; digits < width; power *= 10, digits++) {
            if (value < power) {
                text.append('0');
            }
        }
        return text.append(value);
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
