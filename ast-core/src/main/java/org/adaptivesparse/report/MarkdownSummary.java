package org.adaptivesparse.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.TextFiles;

/**
 * {@code summary.md}: a short GitHub-flavoured Markdown summary for CI job summaries and pull
 * request comments: the verdict, each violation, the side-by-side table and what "modeled" means.
 */
public final class MarkdownSummary {
    /** The file name inside an experiment's output directory. */
    public static final String FILE_NAME = "summary.md";

    private MarkdownSummary() {
    }

    /** The summary as Markdown. */
    public static String render(ExperimentResult result) {
        Map<String, Object> v = ReportModel.verdict(result);
        String icon = switch ((String) v.get("status")) {
            case "pass" -> "\u2705";
            case "fail" -> "\u274c";
            default -> "\u2754";
        };
        StringBuilder s = new StringBuilder();
        s.append("### ").append(icon).append(" AST ").append(text(result.name())).append(": ").append(v.get("label"))
                .append("\n\n");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) v.get("violations");
        for (String m : violations) {
            s.append("- ").append(text(m)).append('\n');
        }
        if (!violations.isEmpty()) {
            s.append('\n');
        }
        s.append("| Run | Final accuracy | Test loss | Training s | Median s/epoch | Speedup vs full (measured)"
                + " | Trained samples | Activation | Savings (modeled) |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, String> r : ReportModel.runRows(result)) {
            s.append("| ").append(text(r.get("label")));
            if (!r.get("diverged").isEmpty()) {
                s.append(" (diverged)");
            }
            for (String k : new String[] {"accuracy", "testLoss", "totalSeconds", "medianSeconds", "speedup", "trained",
                    "activation", "savings"}) {
                s.append(" | ").append(text(r.get(k)));
            }
            s.append(" |\n");
        }
        s.append('\n').append(text(ReportModel.modeledNote(result))).append('\n');
        return s.toString();
    }

    /** Renders and writes the summary to {@code file}. */
    public static Path write(Path file, ExperimentResult result) {
        TextFiles.write(file, render(result));
        return file;
    }

    /**
     * The one Markdown escaper: text shows literally, raw HTML never renders, and a {@code |} does
     * not end a table cell; line breaks become spaces.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~' -> b.append('\\').append(c);
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
