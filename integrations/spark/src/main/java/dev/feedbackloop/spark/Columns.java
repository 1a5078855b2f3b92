package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.ShortType;

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
            throw new IllegalArgumentException("column: '" + column + "' is not a column of the dataset, expected one of "
                    + Arrays.toString(data.columns()));
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
}
