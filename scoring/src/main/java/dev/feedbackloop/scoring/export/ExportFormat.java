package dev.feedbackloop.scoring.export;

import java.util.Locale;
import java.util.Optional;

/** The file formats an {@link ExportReader} reads. */
public enum ExportFormat {
    /**
     * Delimiter-separated values per RFC 4180 with a header row: comma, semicolon, tab or bar; optional UTF-8 BOM,
     * {@code \n} or {@code \r\n}.
     */
    CSV,
    /** JSON Lines (also called NDJSON): one JSON object per line, whose field names play the role of columns. */
    JSON_LINES;

    /**
     * Reads a format name as written on a command line: {@code csv}, {@code jsonl} or {@code ndjson}, in any case.
     *
     * @param name the format name
     * @return the format
     * @throws IllegalArgumentException if the name is not one of the above
     */
    public static ExportFormat parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "csv":
                return CSV;
            case "jsonl":
            case "ndjson":
            case "json-lines":
                return JSON_LINES;
            default:
                throw new IllegalArgumentException(
                        "format: \"" + name + "\" is not a known export format, expected csv or jsonl");
        }
    }

    /**
     * Finds the format that a file name's extension stands for: {@code .csv} or {@code .tsv} for CSV, {@code .jsonl}
     * or {@code .ndjson} for JSON Lines (in any case). A {@code .gz} ending is looked through: {@code x.csv.gz} is CSV.
     *
     * @param fileName a file name or path
     * @return the format, or empty when the extension is none of the above
     */
    public static Optional<ExportFormat> findByFileName(String fileName) {
        String lower = withoutGz(fileName.toLowerCase(Locale.ROOT));
        if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }

    /**
     * Tells whether a file name says its cells are separated by tabs: it ends in {@code .tsv} or {@code .tsv.gz}
     * (in any case).
     *
     * @param fileName a file name or path
     * @return whether the name is that of a tab-separated file
     */
    public static boolean isTabSeparatedName(String fileName) {
        return withoutGz(fileName.toLowerCase(Locale.ROOT)).endsWith(".tsv");
    }

    private static String withoutGz(String lowerCaseName) {
        return lowerCaseName.endsWith(".gz") ? lowerCaseName.substring(0, lowerCaseName.length() - 3) : lowerCaseName;
    }
}
