package dev.feedbackloop.scoring.export;

/**
 * Combines what was collected from one part of an export with what was collected from the part that follows it, for
 * {@link ExportReader#collect}.
 *
 * <p>Rows of a later part count their {@linkplain ExportRow#line() lines} and {@linkplain ExportRow#number() numbers}
 * from the start of that part, because nobody knows how many lines precede it until the earlier parts are read; the
 * merger receives those counts and adds them to whatever line or row numbers it kept (such as the lines of invalid
 * cells). Implementations need not be thread-safe: the reader calls them on one thread, in file order.
 *
 * @param <A> what is collected from each part
 */
@FunctionalInterface
public interface PartMerger<A> {

    /**
     * Merges a part into everything before it.
     *
     * @param earlier what was collected from every record before {@code later}'s part, in file order
     * @param later what was collected from the part that follows
     * @param linesBefore the number of physical lines before {@code later}'s part: add it to a line number that a row
     *     of that part reported
     * @param rowsBefore the number of data rows before {@code later}'s part: add it to a row number that a row of that
     *     part reported
     * @return the combination, possibly {@code earlier} updated in place
     */
    A merge(A earlier, A later, long linesBefore, long rowsBefore);
}
