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

/** Runs the real demo twice on an H2 file in a temporary directory, then checks what it printed and wrote. */
final class DemoCommandTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";

    @TempDir
    static Path directory;

    private static Run first;
    private static Run second;
    private static Path otherReport;

    @BeforeAll
    static void runTheDemoTwice() {
        first = run(directory);
        otherReport = directory.resolve("elsewhere/nested/demo.html");
        second = run(directory, "--report", otherReport.toString());
    }

    @Nested
    final class Summary {

        @Test
        void bothRunsSucceedQuietly() {
            assertThat(first.code()).isZero();
            assertThat(first.err()).isEmpty();
            assertThat(second.code()).isZero();
            assertThat(second.err()).isEmpty();
        }

        @Test
        void secondRun_startsAfreshAndPrintsTheSameSummary() {
            assertThat(withoutReportLine(second.out())).isEqualTo(withoutReportLine(first.out()));
        }

        @Test
        void funnelNumbersAreConsistent() {
            long needed = count(first.out(), "needed an answer");
            long contacted = count(first.out(), "contacted");
            long withinDeadline = count(first.out(), "  within deadline");
            long resolved = count(first.out(), "resolved");
            long closed = count(first.out(), "closed unresolved");
            long open = count(first.out(), "still open");
            long overdue = count(first.out(), "  overdue now");
            assertThat(needed).isPositive();
            assertThat(contacted).isBetween(1L, needed);
            assertThat(withinDeadline).isBetween(1L, contacted);
            assertThat(resolved).isLessThanOrEqualTo(contacted);
            assertThat(resolved + closed + open).isEqualTo(needed);
            assertThat(overdue).isBetween(1L, open);
        }

        @Test
        void overdueFollowUpsAreListed() {
            Matcher matcher = Pattern.compile("Overdue now: (\\d+) follow-up").matcher(first.out());
            assertThat(matcher.find()).isTrue();
            int overdue = Integer.parseInt(matcher.group(1));
            assertThat(overdue).isEqualTo(count(first.out(), "  overdue now"));
            String section = section(first.out(), "Overdue now:");
            assertThat(section.lines().skip(1).filter(line -> line.contains(" late"))).hasSize(Math.min(10, overdue));
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
        void everyChartHasATitleAndTextAlternatives() throws Exception {
            Document document = parse(directory.resolve("report.html"));
            NodeList charts = document.getElementsByTagNameNS(SVG, "svg");
            assertThat(charts.getLength()).isGreaterThanOrEqualTo(5);
            for (int i = 0; i < charts.getLength(); i++) {
                Element svg = (Element) charts.item(i);
                assertThat(svg.getAttribute("role")).isEqualTo("img");
                assertThat(svg.getAttribute("aria-label")).isNotBlank();
                List<Element> children = children(svg);
                assertThat(children.get(0).getLocalName()).isEqualTo("title");
                assertThat(children.get(0).getTextContent()).isNotBlank();
                assertThat(children.get(1).getLocalName()).isEqualTo("desc");
                assertThat(children.get(1).getTextContent()).isNotBlank();
                Element figure = (Element) svg.getParentNode();
                assertThat(figure.getLocalName()).isEqualTo("figure");
                assertThat(figure.getElementsByTagNameNS(XHTML, "figcaption").item(0).getTextContent()).isNotBlank();
                assertThat(figure.getElementsByTagNameNS(XHTML, "table").getLength()).isOne();
            }
        }

        @Test
        void escapesDataValues() throws Exception {
            String html = Files.readString(directory.resolve("report.html"));
            assertThat(html).contains("Tags &lt;&amp;&gt; Labels GmbH").contains("Start-up &amp; SMB")
                    .doesNotContain("Tags <&>").doesNotContain("Start-up & SMB");
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
        Run run = run(directory.resolve("postgres"), "--db", url);
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

    private static long count(String out, String label) {
        String indent = label.startsWith("  ") ? "    " : "  ";
        Matcher matcher = Pattern.compile("(?m)^" + indent + Pattern.quote(label.strip()) + "\\s+(\\d+)\\s")
                .matcher(out);
        assertThat(matcher.find()).as("a line '%s N' in%n%s", label, out).isTrue();
        return Long.parseLong(matcher.group(1));
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
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                Files.readString(file).getBytes(StandardCharsets.UTF_8)));
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
