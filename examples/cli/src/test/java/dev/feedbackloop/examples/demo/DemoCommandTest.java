package dev.feedbackloop.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * Runs the real demo twice on an H2 file in a temporary directory (the second time quiet, with the report
 * elsewhere), then checks what it said, printed and wrote, and how large its database file stayed.
 */
final class DemoCommandTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final long MAX_DATABASE_BYTES = 20_000_000;

    @TempDir
    static Path directory;

    private static Run first;
    private static long sizeAfterFirst;
    private static Run second;
    private static Path otherReport;

    @BeforeAll
    static void runTheDemoTwice() throws Exception {
        first = run(directory);
        sizeAfterFirst = Files.size(DemoDatabase.defaultFile(directory));
        otherReport = directory.resolve("elsewhere/nested/demo.html");
        second = run(directory, "--quiet", "--report", otherReport.toString());
    }

    @Nested
    final class Progress {

        @Test
        void bothRunsSucceed_andOnlyTheQuietOneSaysNothing() {
            assertThat(first.code()).isZero();
            assertThat(first.err()).isNotEmpty();
            assertThat(second.code()).isZero();
            assertThat(second.err()).isEmpty();
        }

        @Test
        void everyLineIsProgress() {
            assertThat(first.err().lines()).allMatch(line -> line.matches("demo: .+ \\(\\d+\\.\\d s\\)"));
        }

        @Test
        void firstLine_saysWhereTheDemoStarts() {
            assertThat(first.err().lines().findFirst().orElseThrow())
                    .startsWith("demo: starting afresh in " + DemoDatabase.defaultFile(directory).toAbsolutePath());
        }

        @Test
        void saysEverySimulatedMonthInOrder_andThatTheLastIsNotOver() {
            List<String> months = first.err().lines().filter(line -> line.startsWith("demo: played ")).toList();
            assertThat(months).hasSize(12);
            String[] names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
            for (int i = 0; i < names.length; i++) {
                assertThat(months.get(i)).startsWith("demo: played " + names[i] + " 2025").contains(" responses, ")
                        .contains(" follow-ups opened");
            }
            assertThat(months.subList(0, 11)).noneMatch(line -> line.contains("not over"));
            assertThat(months.get(11)).contains("up to Fri 12 Dec 16:30 (the month is not over)");
        }

        @Test
        void comesBeforeTheDatabaseIsOpened() {
            Run run = run(directory.resolve("unreachable"), "--db", "jdbc:postgresql://127.0.0.1:1/none");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines().findFirst().orElseThrow())
                    .startsWith("demo: starting afresh in jdbc:postgresql://127.0.0.1:1/none");
            assertThat(run.err()).contains("cannot open jdbc:postgresql://127.0.0.1:1/none");
        }
    }

    @Nested
    final class DatabaseFile {

        @Test
        void staysSmallAfterOneRun() {
            assertThat(sizeAfterFirst).isPositive().isLessThanOrEqualTo(MAX_DATABASE_BYTES);
        }

        @Test
        void doesNotGrowFromRunToRun() throws Exception {
            long sizeAfterSecond = Files.size(DemoDatabase.defaultFile(directory));
            assertThat(sizeAfterSecond).isLessThanOrEqualTo(MAX_DATABASE_BYTES)
                    .isLessThanOrEqualTo(sizeAfterFirst + sizeAfterFirst / 10);
        }

        @Test
        void isCompactedWithoutLeavingATrace() {
            assertThat(directory.resolve("demo.trace.db")).doesNotExist();
            assertThat(first.err()).contains("demo: compacting the database file");
        }
    }

    @Nested
    final class Summary {

        @Test
        void secondRun_startsAfreshAndPrintsTheSameSummary() {
            assertThat(withoutReportLine(second.out())).isEqualTo(withoutReportLine(first.out()));
        }

        @Test
        void noLineIsCutOrWiderThanAHundredColumns() {
            assertThat(first.out()).doesNotContain("\u2026");
            assertThat(first.out().lines().filter(line -> !line.startsWith("Database: ")
                    && !line.startsWith("Report: "))).allMatch(line -> line.codePointCount(0, line.length()) <= 100);
        }

        @Test
        void startsWithWhatNeedsActionFirst() {
            List<String> headings = first.out().lines().filter(line -> !line.isEmpty() && !line.startsWith(" "))
                    .toList();
            assertThat(headings.get(3)).startsWith("Needs action first: ");
        }

        @Test
        void overdue_mostUrgentFirst_thenMostLate() {
            List<String> rows = section(first.out(), "Needs action first:").lines().skip(2)
                    .filter(line -> line.matches("  [A-Z]+ .*")).toList();
            assertThat(rows).hasSize(TextSummary.LIST_LIMIT);
            assertThat(rows.get(0)).startsWith("  URGENT");
            List<String> order = List.of("URGENT", "HIGH", "NORMAL", "LOW");
            for (int i = 1; i < rows.size(); i++) {
                String[] before = rows.get(i - 1).trim().split("\\s+");
                String[] after = rows.get(i).trim().split("\\s+");
                int priority = Integer.compare(order.indexOf(before[0]), order.indexOf(after[0]));
                assertThat(priority).as("%s before %s", rows.get(i - 1), rows.get(i)).isNotPositive();
                if (priority == 0) {
                    assertThat(hours(before[1], before[2])).isGreaterThanOrEqualTo(hours(after[1], after[2]));
                }
            }
        }

        @Test
        void overdue_namesWhatTheCustomerAnswered() {
            List<String> rows = section(first.out(), "Needs action first:").lines().skip(2)
                    .filter(line -> line.matches("  [A-Z]+ .*")).toList();
            assertThat(rows).allMatch(row -> row.matches(".*  (NPS \\d+|CSAT \\d of 5|CES \\d of 7)  .*"));
        }

        @Test
        void overdueCount_isTheSameEverywhere() {
            Matcher matcher = Pattern.compile("Needs action first: (\\d+) follow-up").matcher(first.out());
            assertThat(matcher.find()).isTrue();
            assertThat(Long.parseLong(matcher.group(1)))
                    .isEqualTo(count(first.out(), "still open, not contacted, overdue")).isPositive();
        }

        @Test
        void whereFollowUpsStand_partsAddUpToAll() {
            long needed = figure(first.out(), "Did we respond\\? (\\d+) follow-ups opened");
            long resolved = count(first.out(), "resolved");
            long closedAfterContact = count(first.out(), "closed unresolved, after contact");
            long neverReached = count(first.out(), "closed unresolved, never reached");
            long openContacted = count(first.out(), "still open, contacted");
            long overdue = count(first.out(), "still open, not contacted, overdue");
            long notYetDue = count(first.out(), "still open, not contacted, not yet due");
            assertThat(resolved + closedAfterContact + neverReached + openContacted + overdue + notYetDue)
                    .isEqualTo(needed);
            long onTime = count(first.out(), "within the deadline");
            long late = count(first.out(), "after the deadline");
            long never = count(first.out(), "never");
            assertThat(onTime + late + never).isEqualTo(needed);
            assertThat(onTime + late).isEqualTo(resolved + closedAfterContact + openContacted);
            assertThat(never).isEqualTo(neverReached + overdue + notYetDue);
        }

        @Test
        void figuresAreNamed() {
            assertThat(first.out()).doesNotContain("escalations raised:").doesNotContain("due within 24 h")
                    .containsPattern("Deadline alerts \\(escalations\\): \\d+, on \\d+ follow-ups")
                    .contains("Waiting for a first contact, deadline still ahead: ");
        }

        @Test
        void timesToFirstContact_sayWhichClockTheyUse() {
            assertThat(first.out()).containsPattern("Time to first contact in working hours \\(Mon-Fri 09:00-17:00\\)"
                    + ": median [\\d.]+ h, 90th percentile [\\d.]+ h")
                    .containsPattern("The same on the clock, nights and weekends included: median [\\d.]+ h")
                    .contains("Time to first contact, in working hours");
            assertThat(first.out()).doesNotContain("wall-clock");
        }

        @Test
        void partialMonth_isFlaggedInEveryTrend() {
            for (String heading : List.of("NPS by month", "CSAT by month", "CES by month", "On time by month")) {
                String december = section(first.out(), heading).lines().filter(line -> line.startsWith("  2025-12"))
                        .findFirst().orElseThrow();
                assertThat(december).as(heading).contains("partial: 1\u201312 Dec only");
                assertThat(section(first.out(), heading).lines().filter(line -> line.contains("partial")))
                        .as(heading).hasSize(1);
            }
        }

        @Test
        void coverageAndTheStrategicList_agree() {
            Matcher tier = Pattern.compile("(?m)^  strategic\\s+(\\d+)\\s+(\\d+) days\\s+(\\d+) \\([\\d.]+%\\)\\s+"
                    + "(\\d+) \\([\\d.]+%\\)\\s+(\\d+)$").matcher(first.out());
            assertThat(tier.find()).as(first.out()).isTrue();
            long customers = Long.parseLong(tier.group(1));
            long called = Long.parseLong(tier.group(4));
            long notCalled = figure(first.out(), "Strategic customers nobody called within their "
                    + tier.group(2) + " days: (\\d+)");
            assertThat(called + notCalled).isEqualTo(customers);
            assertThat(notCalled).isPositive();
        }

        @Test
        void silentCustomers_areThoseWhoNeverAnsweredASurvey() {
            assertThat(first.out()).containsPattern("Customers who never answered a survey: \\d+")
                    .doesNotContainIgnoringCase("never heard from");
        }

        @Test
        void npsTrend_coversTheYearAndMarksTheSummerDip() {
            String section = section(first.out(), "NPS by month");
            List<String> months = section.lines().filter(line -> line.startsWith("  2025-")).toList();
            assertThat(months).hasSize(12);
            assertThat(months.stream().filter(line -> line.startsWith("  2025-06") || line.startsWith("  2025-07"))
                    .anyMatch(line -> line.endsWith("*"))).isTrue();
        }

        @Test
        void namesAreDataNotMarkupInText() {
            assertThat(first.out()).contains("plan = Start-up & SMB");
        }
    }

    @Nested
    final class Report {

        @Test
        void isWrittenToTheDefaultAndToTheGivenPlace() {
            assertThat(directory.resolve("report.html")).isRegularFile();
            assertThat(otherReport).isRegularFile();
            assertThat(first.out()).contains("Report: " + directory.resolve("report.html").toAbsolutePath());
        }

        @Test
        void isTheSameOnEveryRun() throws Exception {
            assertThat(Files.readString(otherReport)).isEqualTo(Files.readString(directory.resolve("report.html")));
        }

        @Test
        void isWellFormedXhtmlWithoutScriptsOrRemoteResources() throws Exception {
            Document document = parse(directory.resolve("report.html"));
            assertThat(document.getDocumentElement().getLocalName()).isEqualTo("html");
            assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
            String html = Files.readString(directory.resolve("report.html"));
            assertThat(html.replace(XHTML, "").replace(SVG, "")).doesNotContain("http://", "https://");
        }

        @Test
        void everyChartHasATitleTextAlternativesAndAYAxisTitle() throws Exception {
            Document document = parse(directory.resolve("report.html"));
            NodeList charts = document.getElementsByTagNameNS(SVG, "svg");
            assertThat(charts.getLength()).isGreaterThanOrEqualTo(9);
            for (int i = 0; i < charts.getLength(); i++) {
                Element svg = (Element) charts.item(i);
                assertThat(svg.getAttribute("role")).isEqualTo("img");
                assertThat(svg.getAttribute("aria-label")).isNotBlank();
                assertThat(svg.getAttribute("width")).isEqualTo("100%");
                List<Element> children = children(svg);
                assertThat(children.get(0).getLocalName()).isEqualTo("title");
                assertThat(children.get(0).getTextContent()).isNotBlank();
                assertThat(children.get(1).getLocalName()).isEqualTo("desc");
                assertThat(children.get(1).getTextContent()).isNotBlank();
                assertThat(children).as(svg.getAttribute("aria-label")).anyMatch(child ->
                        child.getAttribute("class").equals("axis-title")
                                && child.getAttribute("transform").startsWith("rotate(-90")
                                && !child.getTextContent().isBlank());
                Element figure = (Element) svg.getParentNode();
                assertThat(figure.getLocalName()).isEqualTo("figure");
                assertThat(figure.getElementsByTagNameNS(XHTML, "figcaption").item(0).getTextContent()).isNotBlank();
                assertThat(figure.getElementsByTagNameNS(XHTML, "table").getLength()).isOne();
            }
        }

        @Test
        void holdsEveryChartTheSummaryHas_andMore() throws Exception {
            Document document = parse(directory.resolve("report.html"));
            for (String id : List.of("nps-trend", "csat-trend", "ces-trend", "nps-segments", "csat-segments",
                    "standing", "sla", "owners", "time-to-contact")) {
                assertThat(document.getElementById(id)).as(id).isNotNull();
            }
        }

        @Test
        void slaBars_areRedExactlyWhenTheirLabelIsUnderTheTarget() throws Exception {
            Element sla = parse(directory.resolve("report.html")).getElementById("sla");
            List<Element> svg = children((Element) sla.getElementsByTagNameNS(SVG, "svg").item(0));
            int bars = 0;
            for (int i = 0; i < svg.size(); i++) {
                Element element = svg.get(i);
                if (!element.getLocalName().equals("rect") || !element.getAttribute("class").startsWith("bar")
                        || element.getAttribute("width").equals("12")) {
                    continue;
                }
                double label = Double.parseDouble(svg.get(i + 1).getTextContent());
                assertThat(element.getAttribute("class").contains("miss")).as("bar labelled %s", label)
                        .isEqualTo(label < HtmlReport.SLA_TARGET);
                bars++;
            }
            assertThat(bars).isEqualTo(12);
        }

        @Test
        void standing_partsOfEachColumnAddUpToEveryFollowUp() throws Exception {
            Element standing = parse(directory.resolve("report.html")).getElementById("standing");
            long needed = figure(first.out(), "Did we respond\\? (\\d+) follow-ups opened");
            long now = 0;
            long contact = 0;
            var parts = new ArrayList<String>();
            for (List<String> row : rows((Element) standing.getElementsByTagNameNS(XHTML, "table").item(0))) {
                parts.add(row.get(1));
                if (row.get(0).equals("now")) {
                    now += Long.parseLong(row.get(2));
                } else {
                    contact += Long.parseLong(row.get(2));
                }
            }
            assertThat(now).isEqualTo(needed);
            assertThat(contact).isEqualTo(needed);
            assertThat(parts).contains("closed after contact", "closed, never reached", "open, contacted",
                    "open, overdue", "open, not yet due", "never contacted");
        }

        @Test
        void overdueTable_showsScoreAndComment_andKeepsDatesOnOneLine() throws Exception {
            Element table = (Element) parse(directory.resolve("report.html")).getElementsByTagNameNS(XHTML, "table")
                    .item(0);
            List<List<String>> rows = rows(table);
            assertThat(rows).hasSize((int) count(first.out(), "still open, not contacted, overdue"));
            assertThat(rows.get(0).get(0)).isEqualTo("URGENT");
            for (List<String> row : rows) {
                assertThat(row.get(4)).matches("NPS \\d+|CSAT \\d of 5|CES \\d of 7");
                assertThat(row.get(7)).isNotBlank();
            }
            Element firstRow = (Element) table.getElementsByTagNameNS(XHTML, "tr").item(1);
            Element opened = (Element) firstRow.getElementsByTagNameNS(XHTML, "td").item(2);
            assertThat(opened.getAttribute("class")).contains("nowrap");
            assertThat(opened.getAttribute("data-label")).isEqualTo("opened");
        }

        @Test
        void headlineTiles_neverShowAPartialMonthAsIfItWereWhole() throws Exception {
            String html = Files.readString(directory.resolve("report.html"));
            assertThat(html).doesNotContain("NPS, Dec").contains("NPS, November (last full month)")
                    .contains("December so far (1\u201312 Dec");
        }

        @Test
        void latestDetractorComments_areListed() throws Exception {
            String html = Files.readString(directory.resolve("report.html"));
            assertThat(matches(html, "\u00B7 NPS (\\d+) \u00B7")).hasSize(Findings.COMMENTS)
                    .allMatch(score -> Integer.parseInt(score) <= 6);
        }

        @Test
        void fitsANarrowScreen() throws Exception {
            String html = Files.readString(directory.resolve("report.html"));
            assertThat(matches(html, "minmax\\((\\S+)")).isNotEmpty()
                    .allMatch(minimum -> minimum.startsWith("min(100%"));
            assertThat(html).contains("@media (max-width: 600px)").contains(".table { overflow-x: auto; }");
        }

        @Test
        void escapesDataValues() throws Exception {
            String html = Files.readString(directory.resolve("report.html"));
            assertThat(html).contains("Tags &lt;&amp;&gt; Labels GmbH").contains("Start-up &amp; SMB")
                    .contains("showed &lt; 0 after the credit note &amp; nobody")
                    .doesNotContain("Tags <&>").doesNotContain("Start-up & SMB").doesNotContain("< 0 after");
            assertThat(parse(directory.resolve("report.html")).getDocumentElement().getTextContent())
                    .contains("Tags <&> Labels GmbH").contains("Start-up & SMB");
        }
    }

    @Test
    void unsupportedDatabase_isAUsageError() {
        Run run = run(directory.resolve("other"), "--db", "jdbc:sqlite:demo.db");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("jdbc:sqlite:demo.db").contains("not supported");
    }

    @Test
    void postgres_printsTheSameSummaryAsH2() {
        String url = System.getenv("FEEDBACKLOOP_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "set FEEDBACKLOOP_TEST_POSTGRES_URL to run the demo on PostgreSQL");
        Run run = run(directory.resolve("postgres"), "--quiet", "--db", url);
        assertThat(run.code()).isZero();
        assertThat(withoutDatabase(withoutReportLine(run.out())))
                .isEqualTo(withoutDatabase(withoutReportLine(first.out())));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private record Run(int code, String out, String err) {
    }

    private static Run run(Path workDirectory, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new DemoCommand(workDirectory));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String withoutReportLine(String out) {
        return out.replaceAll("(?m)^Report: .*$", "");
    }

    private static String withoutDatabase(String out) {
        return out.replaceAll("(?m)^Database: .*$", "");
    }

    /** The count in the table row that starts with a label, such as {@code   resolved   440  71.1%}. */
    private static long count(String out, String label) {
        Matcher matcher = Pattern.compile("(?m)^  " + Pattern.quote(label) + "\\s+([\\d,]+)\\s").matcher(out);
        assertThat(matcher.find()).as("a row '%s N' in%n%s", label, out).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }

    private static long hours(String number, String unit) {
        return Long.parseLong(number) * (unit.equals("days") ? 24 : 1);
    }

    /** The number that the one group of a pattern captures. */
    private static long figure(String out, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(out);
        assertThat(matcher.find()).as("'%s' in%n%s", regex, out).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** What the one group of a pattern captures, at every match. */
    private static List<String> matches(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        var found = new ArrayList<String>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String section(String out, String heading) {
        int start = out.indexOf(heading);
        assertThat(start).as("section %s", heading).isNotNegative();
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end < 0 ? out.length() : end);
    }

    private static Document parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                Files.readString(file).getBytes(StandardCharsets.UTF_8)));
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("id")) {
                element.setIdAttribute("id", true);
            }
        }
        return document;
    }

    private static List<List<String>> rows(Element table) {
        var rows = new ArrayList<List<String>>();
        NodeList trs = table.getElementsByTagNameNS(XHTML, "tr");
        for (int i = 0; i < trs.getLength(); i++) {
            NodeList cells = ((Element) trs.item(i)).getElementsByTagNameNS(XHTML, "td");
            if (cells.getLength() == 0) {
                continue;
            }
            var row = new ArrayList<String>();
            for (int c = 0; c < cells.getLength(); c++) {
                row.add(cells.item(c).getTextContent());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Element> children(Element parent) {
        var elements = new ArrayList<Element>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
