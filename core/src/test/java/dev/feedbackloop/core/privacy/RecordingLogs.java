package dev.feedbackloop.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-only SLF4J 2 provider, registered through {@code META-INF/services} in core's test resources, that records
 * every event at INFO and above (and enables DEBUG, so that debug paths run and format their messages). Not a logging
 * backend: it never reaches a library jar. Thread-safe.
 */
public final class RecordingLogs implements SLF4JServiceProvider {

    /** One recorded event: level, logger, the formatted message and every throwable message in the cause chain. */
    public record Event(Level level, String logger, String message, List<String> throwableMessages) {

        /** Returns everything the event would print. */
        public String everything() {
            return level + " " + logger + " " + message + " " + String.join(" ", throwableMessages);
        }
    }

    private static final ConcurrentLinkedQueue<Event> EVENTS = new ConcurrentLinkedQueue<>();

    private final ILoggerFactory loggers = RecordingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** Returns a copy of the events recorded so far. */
    public static List<Event> events() {
        return List.copyOf(EVENTS);
    }

    /** Forgets the events recorded so far. */
    public static void clear() {
        EVENTS.clear();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    /** A logger that records INFO and above into {@link #EVENTS}. */
    static final class RecordingLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        RecordingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected @Nullable String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, @Nullable Marker marker, @Nullable String pattern,
                                                   Object @Nullable [] arguments, @Nullable Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            if (level.toInt() < Level.INFO.toInt()) {
                return;
            }
            var causes = new ArrayList<String>();
            for (Throwable t = throwable; t != null; t = t.getCause()) {
                causes.add(String.valueOf(t));
            }
            EVENTS.add(new Event(level, name, String.valueOf(message), causes));
        }
    }
}
