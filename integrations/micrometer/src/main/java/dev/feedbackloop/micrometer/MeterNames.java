package dev.feedbackloop.micrometer;

import dev.feedbackloop.core.followup.DeadlineKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The names, tag keys and fixed tag values of the meters; see {@link FeedbackLoopMetrics} for what each means. */
final class MeterNames {

    static final String RESPONSES = "feedbackloop.responses";
    static final String OPENED = "feedbackloop.followups.opened";
    static final String CONTACTED = "feedbackloop.followups.contacted";
    static final String RESOLVED = "feedbackloop.followups.resolved";
    static final String CLOSED = "feedbackloop.followups.closed";
    static final String ESCALATED = "feedbackloop.followups.escalated";
    static final String TIME_TO_FIRST_CONTACT = "feedbackloop.followups.time.to.first.contact";
    static final String TIME_TO_RESOLUTION = "feedbackloop.followups.time.to.resolution";
    static final String OPEN = "feedbackloop.followups.open";
    static final String OVERDUE = "feedbackloop.followups.overdue";
    static final String NEEDED = "feedbackloop.followups.needed";
    static final String ON_TIME = "feedbackloop.followups.on.time";
    static final String COVERAGE = "feedbackloop.followups.coverage";

    static final String SURVEY = "survey";
    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String POLICY = "policy";
    static final String DEADLINE = "deadline";

    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    /** The reason of an accepted response. */
    static final String NONE = "none";
    /** The survey tag of a refused response whose survey id is not registered: the id is the caller's, unbounded. */
    static final String UNREGISTERED = "unregistered";
    /** The policy tag of a follow-up whose policy cannot be told. */
    static final String UNKNOWN = "unknown";

    /** The unit of {@link #RESPONSES}. */
    static final String UNIT_RESPONSES = "responses";

    /** The least and most time to respond expected, for the buckets of a host that publishes histograms. */
    private static final Duration MIN_EXPECTED = Duration.ofMinutes(1);
    private static final Duration MAX_EXPECTED = Duration.ofDays(60);

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(RESPONSES, "Responses the loop stored (accepted) or refused (rejected)"),
            Map.entry(OPENED, "Follow-ups opened"),
            Map.entry(CONTACTED, "Follow-ups whose customer was contacted for the first time"),
            Map.entry(RESOLVED, "Follow-ups resolved"),
            Map.entry(CLOSED, "Follow-ups closed without resolution"),
            Map.entry(ESCALATED, "Escalation steps fired for follow-ups whose deadline passed"),
            Map.entry(TIME_TO_FIRST_CONTACT, "Time from a follow-up's opening to its first contact"),
            Map.entry(TIME_TO_RESOLUTION, "Time from a follow-up's opening to its resolution"),
            Map.entry(OPEN, "Follow-ups not yet resolved or closed"),
            Map.entry(OVERDUE, "Open follow-ups whose deadline has passed"),
            Map.entry(NEEDED, "Follow-ups opened within the coverage window"),
            Map.entry(ON_TIME, "Follow-ups opened within the coverage window and contacted by their deadline"),
            Map.entry(COVERAGE, "Share of the follow-ups opened within the coverage window that were contacted by"
                    + " their deadline, from 0 to 1"));

    private MeterNames() {
    }

    static String description(String name) {
        String description = DESCRIPTIONS.get(name);
        if (description == null) {
            throw new IllegalArgumentException("name: '" + name + "' is not a meter of the loop");
        }
        return description;
    }

    /** The counter of a name with its tags in a registry, registered on first use. */
    static Counter counter(MeterRegistry registry, String name, Tags tags) {
        return Counter.builder(name).description(description(name))
                .baseUnit(RESPONSES.equals(name) ? UNIT_RESPONSES : null).tags(tags).register(registry);
    }

    /** The timer of a name with its tags in a registry, registered on first use. */
    static Timer timer(MeterRegistry registry, String name, Tags tags) {
        return Timer.builder(name).description(description(name)).tags(tags)
                .minimumExpectedValue(MIN_EXPECTED).maximumExpectedValue(MAX_EXPECTED).register(registry);
    }

    /** The tag value of a deadline kind: its name in lower case with dashes, {@code first-contact}. */
    static String deadline(DeadlineKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
