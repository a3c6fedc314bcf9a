package org.adaptivesparse.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.result.BaselineComparison;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.result.Violation;
import org.adaptivesparse.result.TextFiles;

/**
 * {@code summary.md}: GitHub-flavoured Markdown ready to be a CI job summary or a pull-request
 * comment. It starts with the verdict and one line per check (threshold or baseline, value, limit,
 * held or not), then the baseline deltas, then the side-by-side table, and ends with
 * {@link #MARKER}, so a workflow step can find its own comment and update it in place. One file per
 * experiment, and one for all of a run's experiments ({@link #renderAll(List)}).
 */
public final class MarkdownSummary {
    /** The file name inside an experiment's output directory, and of the combined summary in the output directory. */
    public static final String FILE_NAME = "summary.md";
    /** The last line of every summary: what a workflow looks for to update its comment instead of adding one. */
    public static final String MARKER = "<!-- ast-summary -->";

    private MarkdownSummary() {
    }

    /** One experiment's summary. */
    public static String render(ExperimentResult result) {
        Map<String, Object> v = ReportModel.verdict(result);
        StringBuilder s = new StringBuilder();
        s.append("### ").append(icon((String) v.get("status"))).append(" AST ").append(text(result.name()))
                .append(": ").append(v.get("label")).append("\n\n");
        body(s, result);
        return s.append('\n').append(MARKER).append('\n').toString();
    }

    /**
     * The summary of several experiments: one verdict for all (FAIL when any failed), then each
     * experiment's checks, deltas and table, and the marker once at the end.
     */
    public static String renderAll(List<ExperimentResult> results) {
        long failed = results.stream().filter(r -> r.verdict() != null && !r.verdict().passed()).count();
        long unchecked = results.stream().filter(r -> r.verdict() == null).count();
        String status = failed > 0 ? "fail" : unchecked == results.size() ? "unchecked" : "pass";
        StringBuilder s = new StringBuilder();
        s.append("### ").append(icon(status)).append(" AST: ")
                .append(failed > 0 ? "FAIL" : "unchecked".equals(status) ? "NOT CHECKED" : "PASS").append(" (")
                .append(results.size()).append(results.size() == 1 ? " experiment" : " experiments");
        if (failed > 0) {
            s.append(", ").append(failed).append(" failed");
        }
        s.append(")\n\n");
        if (results.isEmpty()) {
            s.append("No experiment results were found.\n");
        }
        for (ExperimentResult r : results) {
            Map<String, Object> v = ReportModel.verdict(r);
            s.append("#### ").append(icon((String) v.get("status"))).append(' ').append(text(r.name())).append(": ")
                    .append(v.get("label")).append("\n\n");
            body(s, r);
            s.append('\n');
        }
        return s.append(MARKER).append('\n').toString();
    }

    private static void body(StringBuilder s, ExperimentResult result) {
        Verdict verdict = result.verdict();
        if (verdict != null && !verdict.checks().isEmpty()) {
            for (Check c : verdict.checks()) {
                s.append("- ").append(checkLine(c)).append('\n');
            }
            if (verdict.history() != null) {
                s.append("- history: ").append(text(verdict.history().text())).append('\n');
            }
            s.append('\n');
        } else if (verdict != null && !verdict.violations().isEmpty()) {
            for (Violation m : verdict.violations()) {
                s.append("- ").append(icon("fail")).append(' ').append(text(m.message())).append('\n');
            }
            s.append('\n');
        } else if (verdict != null) {
            s.append("No threshold or baseline is configured.\n\n");
        }
        TradeOff sweep = TradeOff.of(result).orElse(null);
        headline(s, sweep == null ? result : sweep.detail(result), sweep == null ? ""
                : " at targetActivation " + ExperimentResult.percent(sweep.detailTarget(result)));
        BaselineComparison b = verdict == null ? null : verdict.baseline();
        if (b != null && !b.deltas().isEmpty()) {
            s.append("| Against baseline | Baseline | Current | Change | Rule | Held |\n");
            s.append("|---|---:|---:|---:|---|---|\n");
            for (BaselineComparison.Delta d : b.deltas()) {
                s.append("| ").append(text(ReportModel.metricLabel(d.metric()))).append(" | ")
                        .append(Formats.deltaValue(d.metric(), d.baseline())).append(" | ")
                        .append(Formats.deltaValue(d.metric(), d.current())).append(" | ")
                        .append(Formats.deltaChange(d.metric(), d.delta())).append(" | ").append(text(d.tolerance())).append(" | ")
                        .append(d.regressed() ? icon("fail") + " no" : icon("pass") + " yes").append(" |\n");
            }
            s.append('\n');
        }
        if (sweep != null) {
            tradeOff(s, result, sweep);
            result = sweep.detail(result);
        }
        boolean noise = result.runs().stream().anyMatch(x -> x.mislabelledShare() != null);
        boolean once = result.runs().stream().anyMatch(x -> x.oneTimeCost() != null);
        s.append("| Run | Final accuracy | Test loss | Training s | Median s/epoch | Speedup vs full (measured)"
                + " | Trained samples | Activation | Savings (modeled) |" + (noise ? " Mislabelled share of trained |" : "")
                + (once ? " One-time cost (reference model) |" : "") + "\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|" + (noise ? "---:|" : "") + (once ? "---|" : "") + "\n");
        for (Map<String, String> r : ReportModel.runRows(result)) {
            s.append("| ").append(text(r.get("label")));
            if (!r.get("diverged").isEmpty()) {
                s.append(" (diverged)");
            }
            for (String k : new String[] {"accuracy", "testLoss", "totalSeconds", "medianSeconds", "speedup", "trained",
                    "activation", "savings"}) {
                s.append(" | ").append(text(r.get(k)));
            }
            if (noise) {
                s.append(" | ").append(text(r.get("mislabelled")));
            }
            if (once) {
                s.append(" | ").append(text(r.get("oneTime")));
            }
            s.append(" |\n");
        }
        s.append('\n').append(text(ReportModel.modeledNote(result))).append('\n');
    }

    /**
     * The report's measured headline as a table: AST against {@code random} and against {@code full},
     * side by side, time to target first; then the modeled figures, labelled as modeled.
     */
    @SuppressWarnings("unchecked")
    private static void headline(StringBuilder s, ExperimentResult result, String where) {
        Map<String, Object> h = ReportModel.headline(result);
        List<Map<String, String>> measured = (List<Map<String, String>>) h.get("measured");
        int seeds = result.seedCount();
        s.append("| Measured").append(where).append(seeds > 1 ? " (median of " + seeds + " seeds)" : "").append(" | AST | How |\n");
        s.append("|---|---:|---|\n");
        measured.stream().sorted(java.util.Comparator.comparingInt(c -> c.get("label").startsWith("Time to") ? 0 : 1))
                .forEach(c -> s.append("| ").append(text(c.get("label"))).append(" | **").append(text(c.get("value")))
                        .append("** | ").append(text(c.get("note"))).append(" |\n"));
        s.append("| Energy savings (modeled) | ").append(text((String) h.get("savings")))
                .append(" | modeled from sample counts, not measured |\n\n");
    }

    /**
     * A sweep's recommended target in one line, then its trade-off table, then a heading for the
     * side-by-side table of the point the report details.
     */
    private static void tradeOff(StringBuilder s, ExperimentResult sweep, TradeOff t) {
        s.append(recommendation(t));
        t.fullDominates().ifPresent(f -> s.append(" But ").append(text(f)).append('.'));
        s.append("\n\n");
        s.append("| Target | Policy | Median ").append(text(t.timeLabel())).append(" [min–max] | Reached"
                + " | Median final accuracy [min–max] | Frontier |\n");
        s.append("|---:|---|---:|---:|---:|---|\n");
        List<TradeOff.Point> all = new java.util.ArrayList<>(t.points());
        if (t.full() != null) {
            all.add(t.full());
        }
        for (TradeOff.Point p : all) {
            boolean best = t.best().get(p.series()) == p;
            s.append("| ").append(p.target() == null ? "100%" : ExperimentResult.percent(p.target())).append(" | ")
                    .append(text(p.series())).append(best ? " **(best)**" : "").append(" | ").append(TradeOff.time(p))
                    .append(" | ").append(t.timeToTarget() ? p.reached() + "/" + p.seeds() : "—").append(" | ")
                    .append(Formats.ratio(p.accuracy().median()))
                    .append(p.seeds() > 1 ? " [" + Formats.ratio(p.accuracy().min()) + "–" + Formats.ratio(p.accuracy().max())
                            + "]" : "")
                    .append(" | ").append(p.target() == null ? "reference" : p.frontier() ? "yes" : "no").append(" |\n");
        }
        s.append("\n").append(text(Character.toUpperCase(t.rule().charAt(0)) + t.rule().substring(1))).append(".\n\n");
        s.append("Side by side at targetActivation ").append(ExperimentResult.percent(t.detailTarget(sweep)))
                .append(":\n\n");
    }

    /**
     * {@code **Recommended target: 20%** — ast (fresh): 12.3 s to 0.800 [11.0–13.1], reached on 3/3 seeds,
     * final accuracy 0.853 [0.840–0.861]}; says so when no AST target has a time.
     */
    static String recommendation(TradeOff t) {
        return t.recommended().map(p -> "**Recommended target: " + ExperimentResult.percent(p.target()) + "** \u2014 "
                + t.figures(p)).orElse("**No recommended target**: " + text(t.recommendation()
                        .substring("no recommended target: ".length())) + ".");
    }

    /**
     * One check, e.g. {@code ✅ threshold minAccuracy: accuracy 0.912, limit ≥ 0.850}; a broken one
     * adds its violation's message.
     */
    static String checkLine(Check c) {
        StringBuilder b = new StringBuilder();
        b.append(icon(c.held() ? "pass" : "fail")).append(' ').append(c.kind()).append(" **").append(text(c.rule()))
                .append("**: ").append(text(c.metric()));
        if (!Double.isNaN(c.value())) {
            b.append(' ').append(number(c.metric(), c.value()));
        }
        if (!Double.isNaN(c.limit())) {
            b.append(", limit ").append(c.atLeast() ? "\u2265 " : "\u2264 ").append(number(c.metric(), c.limit()));
        }
        if (!c.held()) {
            b.append(" \u2014 ").append(text(c.message()));
        }
        if (c.detectable() != null && !c.rule().equals("refuseBlindGate")) {
            b.append(" \u2014 ").append(text(c.detectable().text()));
        }
        return b.toString();
    }

    private static String number(String metric, double v) {
        return metric.startsWith("speedup") ? Formats.speedup(v) : Formats.ratio(v);
    }

    private static String icon(String status) {
        return switch (status) {
            case "pass" -> "\u2705";
            case "fail" -> "\u274c";
            default -> "\u2754";
        };
    }

    /** Renders and writes the summary to {@code file}. */
    public static Path write(Path file, ExperimentResult result) {
        TextFiles.write(file, render(result));
        return file;
    }

    /** Renders and writes the combined summary of {@code results} to {@code file}. */
    public static Path writeAll(Path file, List<ExperimentResult> results) {
        TextFiles.write(file, renderAll(results));
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
