package dev.feedbackloop.examples.cli;

import dev.feedbackloop.FeedbackLoopException;

/** Input that cannot be used, such as a missing file: the command exits with 2 and this message. */
final class InputException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
