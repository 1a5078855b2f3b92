package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.col;

import dev.feedbackloop.scoring.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.ShortType;
import org.jspecify.annotations.Nullable;

/** Column checks and the internal column names of the queries. Static only. */
final class Columns {

    static final String BUCKET = "__feedback_period";

    private Columns() {
    }

    static String segment(int index) {
        return "__feedback_segment_" + index;
    }

    static String rating(int index) {
        return "__feedback_rating_" + index;
    }

    /** Returns the column name after checking the dataset has it. */
    static String check(Dataset<Row> data, String column) {
        Objects.requireNonNull(column, "column");
        if (!Arrays.asList(data.columns()).contains(column)) {
            throw new IllegalArgumentException("column: '" + column
                    + "' is not a column of the dataset, expected one of " + Arrays.toString(data.columns()));
        }
        return column;
    }

    static DataType type(Dataset<Row> data, String column) {
        return data.schema().apply(column).dataType();
    }

    /** A rating column as integers: integer columns as they are, anything else through the text rules. */
    static Column rating(Dataset<Row> data, String column, Blanks blanks) {
        DataType type = type(data, column);
        if (type instanceof IntegerType || type instanceof ShortType || type instanceof ByteType) {
            return col(column).cast(DataTypes.IntegerType);
        }
        return FeedbackScores.rating(col(column), blanks);
    }

    /** The segment columns as text, null when blank, under their internal names. */
    static List<Column> segments(List<String> by, Blanks blanks) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            columns.add(blanks.segment(col(by.get(i))).as(segment(i)));
        }
        return columns;
    }

    /** The internal names of the group keys: the segments, then the period bucket when there is one. */
    static List<String> groupKeys(int segments, boolean period) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            keys.add(segment(i));
        }
        if (period) {
            keys.add(BUCKET);
        }
        return keys;
    }

    /** Sorts groups as the command line does: segment values by code point, null last, then period, null last. */
    static <T> Dataset<T> sortGroups(Dataset<T> groups, int segments, boolean period) {
        return groups.orderBy(groupKeys(segments, period).stream().map(k -> col(k).asc_nulls_last())
                .toArray(Column[]::new));
    }

    /** The output columns of a group's key: each segment under its own name, then the period's label. */
    static List<Column> groupLabels(List<String> by, @Nullable Period period) {
        List<Column> labels = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            labels.add(col(segment(i)).as(by.get(i)));
        }
        if (period != null) {
            labels.add(TimeColumns.label(col(BUCKET), period).as("period"));
        }
        return labels;
    }
}
