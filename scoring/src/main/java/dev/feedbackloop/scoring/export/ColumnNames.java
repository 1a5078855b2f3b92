package dev.feedbackloop.scoring.export;

import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How messages about an unknown column name the columns there are, and which one was probably meant. */
final class ColumnNames {

    /** How many names a message lists before it says how many more there are. */
    private static final int LISTED = 40;
    /** Longer names are only compared ignoring case, so that a hostile header costs no more than a normal one. */
    private static final int MAX_COMPARED = 64;

    private ColumnNames() {
    }

    /**
     * The column probably meant by a name that is not among {@code known}: one equal to it ignoring case, otherwise
     * the nearest by edit distance (ignoring case) when that distance is 2 or less and shorter than the name.
     *
     * @return the column, or {@code null} when none is that close
     */
    static @Nullable String closest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String other = candidate.toLowerCase(Locale.ROOT);
            int distance = other.equals(lower) ? 0
                    : lower.length() <= MAX_COMPARED && other.length() <= MAX_COMPARED ? distance(lower, other, 2)
                    : Integer.MAX_VALUE;
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 && bestDistance < name.length() ? best : null;
    }

    /** The tail of a message that suggests the closest column, e.g. {@code  (did you mean "score"?)}, or "". */
    static String suggestion(String name, Collection<String> known) {
        String closest = closest(name, known);
        return closest == null ? "" : " (did you mean \"" + closest + "\"?)";
    }

    /** The names as a list for a message, cut after the first {@value #LISTED}. */
    static String list(Collection<String> names) {
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        for (String name : names) {
            if (i == LISTED) {
                sb.append(", ... (").append(names.size() - LISTED).append(" more)");
                break;
            }
            sb.append(i == 0 ? "" : ", ").append(name);
            i++;
        }
        return sb.append(']').toString();
    }

    /** The Levenshtein distance between two strings, or {@code cap + 1} when it is more than {@code cap}. */
    static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) > cap) {
            return cap + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], cap + 1);
    }
}
