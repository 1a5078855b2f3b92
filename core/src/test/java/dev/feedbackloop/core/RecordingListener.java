package dev.feedbackloop.core;

import dev.feedbackloop.core.event.FeedbackEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that records every event it sees; thread-safe. */
final class RecordingListener implements FeedbackListener {

    final List<FeedbackEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(FeedbackEvent event) {
        events.add(event);
    }

    <T extends FeedbackEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
