package dev.feedbackloop.benchmarks.export;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The DuckDB side of the comparison: one SQL query over {@code read_csv} that computes what {@code feedbackloop score}
 * or {@code loop} computes, run in its own JVM the way a user would run it.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.feedbackloop.benchmarks.export.DuckDbScoring
 * score|loop FILE}. Prints one line per group, {@code key<TAB>counts<TAB>other figures} (the key and counts are the canonical
 * form that {@link ExportComparison} compares) and, on standard error, {@code query-ms=} the time of the query alone.
 * Not instantiable.
 */
public final class DuckDbScoring {

    /** The survey export's column types, so that DuckDB does not sniff them. */
    private static final String SURVEY_COLUMNS = "{'customer': 'VARCHAR', 'plan': 'VARCHAR', 'region': 'VARCHAR',"
            + " 'submitted_at': 'TIMESTAMP', 'nps': 'INTEGER', 'csat': 'INTEGER', 'ces': 'INTEGER'}";

    /** The help-desk export's column types. */
    private static final String HELP_DESK_COLUMNS = "{'ticket': 'VARCHAR', 'customer': 'VARCHAR', 'plan': 'VARCHAR',"
            + " 'csat': 'INTEGER', 'created_at': 'TIMESTAMP', 'first_response_at': 'TIMESTAMP'}";

    private DuckDbScoring() {
    }

    /**
     * Runs one query and prints its groups.
     *
     * @param args {@code score FILE} or {@code loop FILE}
     * @throws SQLException if DuckDB fails
     */
    public static void main(String[] args) throws SQLException {
        if (args.length != 2 || !List.of("score", "loop").contains(args[0])) {
            System.err.println("usage: DuckDbScoring score|loop FILE");
            System.exit(2);
            return;
        }
        String sql = "score".equals(args[0]) ? scoreQuery(args[1]) : loopQuery(args[1]);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rows.getMetaData();
                int keys = "score".equals(args[0]) ? 3 : 1;
                while (rows.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (i > 1) {
                            line.append(i <= keys ? '|' : i <= keys + 2 ? '\t' : ',');
                        }
                        Object value = rows.getObject(i);
                        line.append(value == null ? "null" : value.toString());
                    }
                    lines.add(line.toString());
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            lines.forEach(System.out::println);
            System.err.println("query-ms=" + millis);
        }
    }

    /**
     * The query that {@code score --nps nps --csat csat --ces ces --by plan --by region --date submitted_at
     * --period month} answers: per group, NPS n and its three classes, CSAT n, satisfied and sum, CES n, agree, sum
     * and sum of squares. Lines read {@code plan|region|month<TAB>counts<TAB>sums}.
     *
     * @param file the survey export
     * @return the SQL
     */
    static String scoreQuery(String file) {
        return "SELECT plan, region, strftime(submitted_at, '%Y-%m') AS period,"
                + " count(nps) || ',' || count(*) FILTER (WHERE nps >= 9) || ','"
                + " || count(*) FILTER (WHERE nps BETWEEN 7 AND 8) || ',' || count(*) FILTER (WHERE nps <= 6)"
                + " || ',' || count(csat) || ',' || count(*) FILTER (WHERE csat >= 4)"
                + " || ',' || count(ces) || ',' || count(*) FILTER (WHERE ces >= 5) AS counts,"
                + " sum(csat) AS csat_sum, sum(ces) AS ces_sum, sum(ces * ces) AS ces_squares"
                + " FROM read_csv(" + literal(file) + ", header = true, columns = " + SURVEY_COLUMNS + ")"
                + " GROUP BY ALL ORDER BY ALL";
    }

    /**
     * The query that {@code loop --csat csat --created created_at --responded first_response_at --by plan} answers
     * with the default SLA of 48 hours and as-of the latest timestamp in the file: per plan, triggered (CSAT at most
     * 2), responded, responded within the SLA, overdue, and the mean, median and 90th percentile hours to respond.
     * Lines read {@code plan<TAB>counts<TAB>hours}.
     *
     * @param file the help-desk export
     * @return the SQL
     */
    static String loopQuery(String file) {
        return "WITH t AS MATERIALIZED (SELECT plan, csat, created_at, first_response_at FROM read_csv("
                + literal(file) + ", header = true, columns = " + HELP_DESK_COLUMNS + ")),"
                + " a AS (SELECT greatest(max(created_at), max(first_response_at)) AS as_of FROM t)"
                + " SELECT plan, count(*) || ',' || count(first_response_at) || ','"
                + " || count(*) FILTER (WHERE first_response_at - created_at <= INTERVAL 48 HOUR) || ','"
                + " || count(*) FILTER (WHERE first_response_at IS NULL"
                + " AND created_at + INTERVAL 48 HOUR < (SELECT as_of FROM a)) AS counts,"
                + " avg(epoch(first_response_at - created_at)) / 3600 AS mean_hours,"
                + " quantile_disc(epoch(first_response_at - created_at), 0.5) / 3600 AS median_hours,"
                + " quantile_disc(epoch(first_response_at - created_at), 0.9) / 3600 AS p90_hours"
                + " FROM t WHERE csat <= 2 GROUP BY plan ORDER BY plan";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
