package dev.feedbackloop.scoring.loop;

/** A forward-only cursor over {@code (value, count)} pairs, in ascending value order unless stated otherwise. */
interface PairCursor {

    /** Moves to the next pair; false when there is none. */
    boolean next();

    /** The value of the current pair. */
    long value();

    /** The count of the current pair, positive. */
    long count();
}
