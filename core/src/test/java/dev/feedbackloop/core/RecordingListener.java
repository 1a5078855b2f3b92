package dev.feedbackloop.core;

import dev.feedbackloop.core.event.FeedbackEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that records every event it sees; thread-safe. */
public final class RecordingListener implements FeedbackListener {

    final List<FeedbackEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(FeedbackEvent event) {
        events.add(event);
    }

    /**
     * Returns the events seen so far, in order; a live view.
     *
     * @return the events
     */
    public List<FeedbackEvent> events() {
        return events;
    }

    /**
     * Returns the events of one type seen so far, in order.
     *
     * @param type the event type
     * @return the events
     */
    public <T extends FeedbackEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
