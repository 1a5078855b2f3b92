package dev.feedbackloop.scoring;

/** The primitive counters of a rating tally on a fixed scale {@code min..max}. Not thread-safe. */
final class Counts {

    final int min;
    final int max;
    final long[] counts;
    private final String what;

    Counts(int min, int max, String what) {
        this.min = min;
        this.max = max;
        this.counts = new long[max - min + 1];
        this.what = what;
    }

    void add(int rating) {
        // The array's own bounds check is the scale check (one counter per point): one compare per answer.
        try {
            counts[rating - min]++;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw outOfScale(rating);
        }
    }

    void add(int rating, long count) {
        int index = rating - min;
        if (index < 0 || index >= counts.length) {
            throw outOfScale(rating);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count + " is negative");
        }
        counts[index] += count;
    }

    long count(int rating) {
        int index = rating - min;
        if (index < 0 || index >= counts.length) {
            throw outOfScale(rating);
        }
        return counts[index];
    }

    /** Adds {@code counts[i]} answers of rating {@code min + i}, after checking every count. */
    void addAll(long[] added) {
        if (added.length != counts.length) {
            throw new IllegalArgumentException(what + " counts: " + added.length + " counts, expected one per point of "
                    + min + ".." + max + " (" + counts.length + ")");
        }
        for (int i = 0; i < added.length; i++) {
            if (added[i] < 0) {
                throw new IllegalArgumentException(
                        what + " counts[" + i + "]: " + added[i] + " is negative, expected 0 or more");
            }
        }
        for (int i = 0; i < added.length; i++) {
            counts[i] += added[i];
        }
    }

    boolean sameScale(Counts other) {
        return other.min == min && other.max == max;
    }

    void merge(Counts other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    long n() {
        return Formulas.sum(counts);
    }

    private IllegalArgumentException outOfScale(int rating) {
        return new IllegalArgumentException(what + " rating: " + rating + " is outside " + min + ".." + max);
    }

    @Override
    public String toString() {
        return min + ".." + max + Formulas.toString(counts);
    }
}
