package dev.feedbackloop.scoring.export;

import java.util.Locale;
import java.util.Optional;

/** The file formats an {@link ExportReader} reads. */
public enum ExportFormat {
    /** Comma-separated values per RFC 4180 with a header row, optional UTF-8 BOM, {@code \n} or {@code \r\n}. */
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
     * Finds the format that a file name's extension stands for: {@code .csv} for CSV, {@code .jsonl} or
     * {@code .ndjson} for JSON Lines (in any case).
     *
     * @param fileName a file name or path
     * @return the format, or empty when the extension is none of the above
     */
    public static Optional<ExportFormat> findByFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }
}
