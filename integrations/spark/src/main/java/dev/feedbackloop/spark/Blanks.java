package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.feedbackloop.scoring.internal.Cells;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.jspecify.annotations.Nullable;

/**
 * The command line's blank cells: null, empty, only spaces and tabs, or equal to a missing-value marker after
 * trimming. Immutable.
 */
final class Blanks implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> markers;

    private Blanks(Set<String> markers) {
        this.markers = markers;
    }

    static Blanks of(String... markers) {
        List<String> trimmed = new ArrayList<>();
        for (String marker : markers) {
            String t = Cells.trim(marker);
            if (!t.isEmpty()) {
                trimmed.add(t);
            }
        }
        return new Blanks(Set.copyOf(trimmed));
    }

    boolean isBlank(@Nullable String cell) {
        return cell == null || Cells.isBlank(cell) || (!markers.isEmpty() && markers.contains(Cells.trim(cell)));
    }

    /** A segment column as text: null when blank, the cell's text as it is otherwise. */
    Column segment(Column cell) {
        Column text = cell.cast(DataTypes.StringType);
        List<Object> blankTexts = new ArrayList<>(markers);
        blankTexts.add("");
        Column blank = text.isNull().or(btrim(text, lit(" \t")).isin(blankTexts.toArray()));
        return when(blank, lit(null).cast(DataTypes.StringType)).otherwise(text);
    }
}
