package org.adaptivesparse.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.TextFiles;
import org.adaptivesparse.result.Violation;

/**
 * {@code TEST-ast.xml}: the checks as a JUnit XML test report, named the way Surefire names its
 * reports so Jenkins, GitLab and GitHub test reporters pick it up. One test case per experiment and
 * check ({@code classname} {@code ast.<experiment>}, {@code name} {@code <kind> <rule>}); a broken
 * check is a {@code <failure>} carrying the violation's message. An experiment without checks is one
 * passing test case {@code trained}; one that was never checked is skipped.
 */
public final class JUnitXmlReport {
    /** The file name, in the output directory. */
    public static final String FILE_NAME = "TEST-ast.xml";

    private JUnitXmlReport() {
    }

    /** The report of {@code results}, in order. */
    public static String render(List<ExperimentResult> results) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        double seconds = 0;
        for (ExperimentResult r : results) {
            double time = r.runs().stream().mapToDouble(RunResult::totalTrainSeconds).filter(Double::isFinite).sum();
            seconds += time;
            String cls = "ast." + r.name();
            if (r.verdict() == null) {
                tests++;
                skipped++;
                testCase(cases, cls, "verdict", time).append(">\n      <skipped message=\"not checked\"/>\n    </testcase>\n");
                continue;
            }
            List<Check> checks = r.verdict().checks();
            if (checks.isEmpty() && !r.verdict().violations().isEmpty()) {
                checks = r.verdict().violations().stream().map(JUnitXmlReport::fromViolation).toList();
            }
            if (checks.isEmpty()) {
                tests++;
                testCase(cases, cls, "trained", time).append("/>\n");
                continue;
            }
            boolean first = true;
            for (Check c : checks) {
                tests++;
                testCase(cases, cls, c.kind() + " " + c.rule(), first ? time : 0);
                first = false;
                String seen = c.detectable() == null || c.rule().equals("refuseBlindGate") ? ""
                        : "\n      <system-out>" + attr(c.detectable().text()) + "</system-out>";
                if (c.held()) {
                    cases.append(seen.isEmpty() ? "/>\n" : ">" + seen + "\n    </testcase>\n");
                } else {
                    failures++;
                    cases.append(">\n      <failure message=\"").append(attr(c.message())).append("\" type=\"")
                            .append(attr(c.kind())).append("\">").append(attr(c.message()))
                            .append("</failure>").append(seen).append("\n    </testcase>\n");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"ast\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"" + time(seconds)
                + "\">\n" + cases + "</testsuite>\n";
    }

    /** Renders and writes the report to {@code file}. */
    public static Path write(Path file, List<ExperimentResult> results) {
        TextFiles.write(file, render(results));
        return file;
    }

    private static Check fromViolation(Violation v) {
        return new Check("check", v.metric(), v.metric(), v.actual(), v.limit(), true, false, v.message());
    }

    private static StringBuilder testCase(StringBuilder b, String cls, String name, double seconds) {
        return b.append("    <testcase classname=\"").append(attr(cls)).append("\" name=\"").append(attr(name))
                .append("\" time=\"").append(time(seconds)).append('"');
    }

    private static String time(double s) {
        return String.format(Locale.ROOT, "%.3f", Double.isFinite(s) ? s : 0);
    }

    /** Escapes text for an attribute or element; characters XML 1.0 cannot hold are dropped. */
    static String attr(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                case '\t', '\r' -> b.append(' ');
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
