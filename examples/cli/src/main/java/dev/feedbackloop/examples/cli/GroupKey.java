package dev.feedbackloop.examples.cli;

import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/** The segment values and period bucket of a group, comparable across the parts of a parallel read. Immutable. */
final class GroupKey {

    /** The bucket of a row without a period (a blank date cell, or no --period). */
    static final long NO_PERIOD = Long.MIN_VALUE;

    /** Orders groups as cli.md says: segment values by code point, null last, in --by order; then period. */
    static final Comparator<GroupKey> ORDER = GroupKey::compare;

    private final @Nullable String[] segment;
    private final long period;
    private final int hash;

    /** Takes ownership of {@code segment}, which the caller no longer changes. */
    GroupKey(@Nullable String[] segment, long period) {
        this.segment = segment;
        this.period = period;
        this.hash = Arrays.hashCode(segment) * 31 + Long.hashCode(period);
    }

    @Nullable String segment(int index) {
        return segment[index];
    }

    long period() {
        return period;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupKey && ((GroupKey) other).period == period
                && Arrays.equals(((GroupKey) other).segment, segment);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    private static int compare(GroupKey a, GroupKey b) {
        for (int i = 0; i < a.segment.length; i++) {
            int c = compareNullLast(a.segment[i], b.segment[i]);
            if (c != 0) {
                return c;
            }
        }
        if (a.period == b.period) {
            return 0;
        }
        if (a.period == NO_PERIOD) {
            return 1;
        }
        if (b.period == NO_PERIOD) {
            return -1;
        }
        return Long.compare(a.period, b.period);
    }

    private static int compareNullLast(@Nullable String a, @Nullable String b) {
        if (a == null) {
            return b == null ? 0 : 1;
        }
        if (b == null) {
            return -1;
        }
        return compareCodePoints(a, b);
    }

    /** Compares by Unicode code point (not by UTF-16 unit, which misorders supplementary characters). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
