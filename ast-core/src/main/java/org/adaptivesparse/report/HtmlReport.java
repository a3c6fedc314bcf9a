package org.adaptivesparse.report;

import org.adaptivesparse.config.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.result.BaselineComparison;
import org.adaptivesparse.result.EnvironmentInfo;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.TextFiles;
import org.adaptivesparse.result.TracePoint;
import org.adaptivesparse.stats.Spread;

/**
 * The self-contained HTML report of one experiment ({@code report.html}): verdict, side-by-side
 * table, measured and modeled figures kept apart, inline SVG charts, baseline comparison,
 * configuration, environment and per-epoch tables. Rendered with FreeMarker's HTML auto-escaping,
 * so every user string shows as text.
 */
public final class HtmlReport {
    /** The file name inside an experiment's output directory. */
    public static final String FILE_NAME = "report.html";
    /** How many history entries the trend chart shows. */
    public static final int HISTORY_POINTS = 20;
    /** Half-width of the activation band drawn when no maxActivationError is configured. */
    static final double DEFAULT_BAND = 0.01;

    private HtmlReport() {
    }

    /** Renders the report without a history trend. */
    public static String render(ExperimentResult result) {
        return render(result, List.of());
    }

    /**
     * Renders the report.
     *
     * @param history entries of the history file (any experiments; this one's last
     *                {@value #HISTORY_POINTS} are charted), empty for none
     */
    public static String render(ExperimentResult sweepOrExperiment, List<HistoryEntry> history) {
        Map<String, Object> m = new LinkedHashMap<>();
        TradeOff tradeOff = TradeOff.of(sweepOrExperiment).orElse(null);
        // A sweep's other sections show one point, the recommended one; the trade-off section shows them all.
        ExperimentResult result = tradeOff == null ? sweepOrExperiment : tradeOff.detail(sweepOrExperiment);
        m.put("tradeOff", tradeOff == null ? null : tradeOffSection(sweepOrExperiment, tradeOff));
        m.put("name", result.name());
        m.put("description", result.description() == null ? "" : result.description());
        m.put("startedAt", result.startedAt() == null ? "" : result.startedAt());
        Map<String, Object> settings = result.settings() == null ? Map.of() : result.settings();
        m.put("dataset", Formats.value(settings.get("dataset")));
        m.put("model", Formats.value(settings.get("model")));
        m.put("verdict", ReportModel.verdict(result));
        m.put("headline", ReportModel.headline(result));
        m.put("runs", ReportModel.runRows(result));
        m.put("labelNoise", result.runs().stream().anyMatch(x -> x.mislabelledShare() != null));
        m.put("oneTime", result.runs().stream().anyMatch(x -> x.oneTimeCost() != null));
        m.put("timeToTarget", ReportModel.timeToTargetTable(result));
        m.put("targetAccuracy", result.configured(Options.TARGET_ACCURACY).map(Formats::ratio).orElse(""));
        m.put("evalsPerEpoch", String.valueOf(result.configured(Options.EVALS_PER_EPOCH).orElse(1)));
        // a sweep's history has one line per point; the trend shows the point the report details
        m.put("charts", charts(result, history, tradeOff == null ? result.name()
                : ExperimentResult.pointName(result.name(), tradeOff.detailTarget(sweepOrExperiment))));
        m.put("baseline", baseline(result));
        m.put("sight", GateSight.rows(result.verdict()));
        m.put("sightMethod", GateSight.METHOD);
        m.put("historyUse", result.verdict() == null || result.verdict().history() == null ? ""
                : result.verdict().history().text());
        m.put("configuration", pairs(sweepOrExperiment.configuration()));
        m.put("environment", environment(result.environment()));
        m.put("epochTables", epochTables(result));
        return Templates.render("report.ftlh", m);
    }

    /** The trade-off section of a sweep: chart, table, best target per series, and the rules behind them. */
    static Map<String, Object> tradeOffSection(ExperimentResult sweep, TradeOff t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chart", tradeOffChart(sweep, t));
        m.put("timeLabel", t.timeLabel());
        m.put("rule", t.rule());
        m.put("fullDominates", t.fullDominates().orElse(""));
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> untimed = new ArrayList<>();
        List<TradeOff.Point> all = new ArrayList<>(t.points());
        if (t.full() != null) {
            all.add(t.full());
        }
        for (TradeOff.Point p : all) {
            boolean best = t.best().get(p.series()) == p;
            Map<String, String> row = new LinkedHashMap<>();
            row.put("target", p.target() == null ? "100% (reference)" : ExperimentResult.percent(p.target()));
            row.put("series", p.series());
            row.put("color", color(p));
            row.put("time", TradeOff.time(p));
            row.put("reached", t.timeToTarget() ? p.reached() + "/" + p.seeds() : "—");
            row.put("accuracy", spread(p.accuracy().median(), p.accuracy().min(), p.accuracy().max(), p.seeds()));
            row.put("frontier", p.target() == null ? "—" : p.frontier() ? "yes" : "no");
            row.put("best", best ? "best" : "");
            rows.add(row);
            if (!p.timed()) {
                untimed.add(p.series() + (p.target() == null ? "" : " at " + ExperimentResult.percent(p.target()))
                        + " (reached on " + p.reached() + " of " + p.seeds() + " seeds)");
            }
        }
        m.put("rows", rows);
        m.put("untimed", untimed);
        List<String> best = new ArrayList<>();
        for (Map.Entry<String, TradeOff.Point> e : t.best().entrySet()) {
            TradeOff.Point p = e.getValue();
            best.add(e.getKey() + ": " + ExperimentResult.percent(p.target()) + " (" + TradeOff.time(p) + " "
                    + t.timeLabel().replace("training s", "s") + ", final accuracy " + Formats.ratio(p.accuracy().median())
                    + ")");
        }
        m.put("best", best);
        m.put("recommended", t.recommended().map(p -> ExperimentResult.percent(p.target())).orElse(""));
        m.put("detail", ExperimentResult.percent(t.detailTarget(sweep)));
        return m;
    }


    private static String spread(double median, double min, double max, int n) {
        return n > 1 ? Formats.ratio(median) + " [" + Formats.ratio(min) + "–" + Formats.ratio(max) + "]"
                : Formats.ratio(median);
    }

    /** A series' colour: AST's modes apart from each other, the controls as everywhere else. */
    static String color(TradeOff.Point p) {
        return p.policy() == Policy.AST && p.series().endsWith(" (stale)") ? "#0d9488" : ReportModel.color(p.policy());
    }

    /**
     * Time against final accuracy, one point per target and series, labelled with its target, the
     * frontier circled, medians with min–max whiskers over seeds; {@code full} as one reference point.
     * A point without a median time is not drawn (the table lists it).
     */
    static String tradeOffChart(ExperimentResult sweep, TradeOff t) {
        int seeds = sweep.seedCount();
        SvgChart chart = SvgChart.line("Time against accuracy per target" + (seeds > 1 ? ", " + seeds + " seeds" : ""),
                t.timeLabel() + (seeds > 1 ? "; medians, whiskers: min–max" : "") + "; circled: frontier",
                "final test accuracy").percentY();
        for (String name : t.seriesNames()) {
            List<TradeOff.Point> ps = t.series(name);
            String color = color(ps.get(0));
            chart.series(name, color, ps.stream().mapToDouble(p -> p.timed() ? p.seconds() : Double.NaN).toArray(),
                    ps.stream().mapToDouble(p -> p.accuracy().median()).toArray());
            for (TradeOff.Point p : ps) {
                if (p.timed()) {
                    chart.whisker(color, p.seconds(), p.accuracy().median(), p.secondsMin(), p.secondsMax(),
                            p.accuracy().min(), p.accuracy().max());
                    chart.note(p.seconds(), p.accuracy().median(), ExperimentResult.percent(p.target()), color,
                            p.frontier());
                }
            }
        }
        TradeOff.Point f = t.full();
        if (f != null && f.timed()) {
            String color = ReportModel.color(Policy.FULL);
            chart.series("full (reference)", color, new double[] {f.seconds()}, new double[] {f.accuracy().median()})
                    .whisker(color, f.seconds(), f.accuracy().median(), f.secondsMin(), f.secondsMax(),
                            f.accuracy().min(), f.accuracy().max())
                    .note(f.seconds(), f.accuracy().median(), "full", color, false);
        }
        return chart.render();
    }

    /** Renders and writes the report to {@code file}. */
    public static Path write(Path file, ExperimentResult result, List<HistoryEntry> history) {
        TextFiles.write(file, render(result, history));
        return file;
    }

    /**
     * Who gets there first: test accuracy against training-loop seconds for every policy, one point per
     * evaluation, with the target accuracy as a line. Over several seeds, the median seconds and
     * accuracy at each evaluation, and the accuracy's min–max shaded.
     */
    static String accuracyOverTime(ExperimentResult result) {
        int seeds = result.seedCount();
        SvgChart chart = SvgChart.line("Test accuracy against training time" + (seeds > 1 ? ", " + seeds + " seeds" : ""),
                "training-loop seconds (evaluation excluded)" + (seeds > 1 ? "; lines: medians, shaded: min–max" : ""),
                "test accuracy").percentY();
        double maxX = 0;
        for (Policy policy : result.policies()) {
            List<RunResult> runs = result.runs(policy);
            int points = runs.stream().mapToInt(r -> r.evaluations().size()).min().orElse(0);
            double[] x = new double[points];
            double[] y = new double[points];
            double[] lo = new double[points];
            double[] hi = new double[points];
            for (int i = 0; i < points; i++) {
                final int k = i;
                x[i] = Spread.of(runs.stream().mapToDouble(r -> r.evaluations().get(k).trainSeconds()).toArray()).median();
                Spread acc = Spread.of(runs.stream().mapToDouble(r -> r.evaluations().get(k).accuracy()).toArray());
                y[i] = acc.median();
                lo[i] = acc.min();
                hi[i] = acc.max();
                maxX = Math.max(maxX, x[i]);
            }
            chart.series(policy.id(), ReportModel.color(policy), x, y);
            if (seeds > 1) {
                chart.area("", ReportModel.color(policy), x, lo, hi);
            }
        }
        double end = maxX;
        result.configured(Options.TARGET_ACCURACY).ifPresent(t -> chart.dashedSeries("target " + Formats.ratio(t),
                "#dc2626", new double[] {0, end}, new double[] {t, t}));
        return chart.render();
    }

    /** Per epoch over seeds: the median ({@code which} 0), the minimum (-1) or the maximum (1). */
    private static double[] perEpoch(List<RunResult> runs, int epochs, java.util.function.ToDoubleFunction<EpochMetrics> f,
            int which) {
        double[] out = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            final int k = e;
            Spread s = Spread.of(runs.stream().mapToDouble(r -> f.applyAsDouble(r.epochs().get(k))).toArray());
            out[e] = which == 0 ? s.median() : which < 0 ? s.min() : s.max();
        }
        return out;
    }

    static List<String> charts(ExperimentResult result, List<HistoryEntry> history) {
        return charts(result, history, result.name());
    }

    static List<String> charts(ExperimentResult result, List<HistoryEntry> history, String historyName) {
        List<String> out = new ArrayList<>();
        if (result.runs().stream().anyMatch(r -> !r.evaluations().isEmpty())) {
            out.add(accuracyOverTime(result));
        }
        int seeds = result.seedCount();
        String over = seeds > 1 ? ", " + seeds + " seeds" : "";
        String axis = seeds > 1 ? "epoch; lines: medians, shaded: min–max" : "epoch";
        SvgChart acc = SvgChart.line("Test accuracy per epoch" + over, axis, "test accuracy").percentY();
        SvgChart loss = SvgChart.line("Training loss per epoch" + over, seeds > 1 ? "epoch; lines: medians" : "epoch",
                "training loss");
        for (Policy policy : result.policies()) {
            List<RunResult> runs = result.runs(policy);
            int epochs = runs.stream().mapToInt(r -> r.epochs().size()).min().orElse(0);
            double[] x = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                x[e] = e + 1;
            }
            acc.series(policy.id(), ReportModel.color(policy), x,
                    perEpoch(runs, epochs, EpochMetrics::testAccuracy, 0));
            loss.series(policy.id(), ReportModel.color(policy), x, perEpoch(runs, epochs, EpochMetrics::trainLoss, 0));
            if (seeds > 1) {
                acc.area("", ReportModel.color(policy), x,
                        perEpoch(runs, epochs, EpochMetrics::testAccuracy, -1),
                        perEpoch(runs, epochs, EpochMetrics::testAccuracy, 1));
            }
        }
        out.add(acc.render());
        out.add(loss.render());

        RunResult ast = result.run(Policy.AST).orElse(null);
        if (ast != null) {
            int warmup = result.setting(Options.WARMUP_EPOCHS).orElse(0);
            // Warmup batches train everything (activation 1); drawn, they would squash the target band.
            List<TracePoint> t = ast.trace().stream().filter(p -> p.epoch() > warmup).toList();
            double[] bx = t.stream().mapToDouble(TracePoint::batch).toArray();
            double target = result.setting(Options.TARGET_ACTIVATION).orElse(Double.NaN);
            double half = result.configured(Options.MAX_ACTIVATION_ERROR).orElse(DEFAULT_BAND);
            String suffix = warmup > 0 ? " (after warmup)" : "";
            SvgChart act = SvgChart.line("AST activation per batch" + suffix, "batch", "activation").percentY()
                    .series("activation", ReportModel.color(Policy.AST), bx,
                            t.stream().mapToDouble(TracePoint::activation).toArray())
                    .series("smoothed (EMA)", "#1e3a8a", bx, t.stream().mapToDouble(TracePoint::ema).toArray());
            if (Double.isFinite(target)) {
                double[] tx = bx.length == 0 ? new double[0] : new double[] {bx[0], bx[bx.length - 1]};
                act.dashedSeries("target " + Formats.percent(target), "#dc2626", tx,
                        tx.length == 0 ? new double[0] : new double[] {target, target});
                act.band(target - half, target + half, "target \u00b1 " + Formats.ratio(half), "#16a34a");
            }
            out.add(act.render());
            out.add(SvgChart.line("AST gate threshold per batch" + suffix, "batch", "threshold")
                    .series("threshold", "#7c3aed", bx, t.stream().mapToDouble(TracePoint::threshold).toArray())
                    .render());
        }

        List<HistoryEntry> h = History.last(history == null ? List.of() : history, historyName, HISTORY_POINTS);
        if (h.size() >= 2) { // a trend needs two runs; the first run's figures are in the tables already
            double[] hx = new double[h.size()];
            for (int i = 0; i < hx.length; i++) {
                hx[i] = i + 1;
            }
            SvgChart trend = SvgChart.line("History: last " + h.size() + " runs", "run (oldest to newest)", "ratio")
                    .percentY()
                    .series("accuracy", ReportModel.color(Policy.AST), hx,
                            h.stream().mapToDouble(HistoryEntry::accuracy).toArray())
                    .series("activation", "#d97706", hx, h.stream().mapToDouble(HistoryEntry::activation).toArray())
                    .series("savings (modeled)", "#16a34a", hx,
                            h.stream().mapToDouble(HistoryEntry::modeledSavings).toArray());
            if (h.stream().anyMatch(e -> e.accuracyLow() != null)) { // runs over several seeds: their spread
                trend.dashedSeries("accuracy, lowest seed", ReportModel.color(Policy.AST), hx, h.stream()
                        .mapToDouble(e -> e.accuracyLow() == null ? Double.NaN : e.accuracyLow()).toArray())
                        .dashedSeries("accuracy, highest seed", ReportModel.color(Policy.AST), hx, h.stream()
                                .mapToDouble(e -> e.accuracyHigh() == null ? Double.NaN : e.accuracyHigh()).toArray());
            }
            out.add(trend.render());
        }
        return out;
    }

    private static Map<String, Object> baseline(ExperimentResult result) {
        if (result.verdict() == null || result.verdict().baseline() == null) {
            return null;
        }
        BaselineComparison b = result.verdict().baseline();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", b.file());
        m.put("status", b.status());
        m.put("reason", b.reason() == null ? "" : b.reason());
        List<Map<String, String>> rows = new ArrayList<>();
        for (BaselineComparison.Delta d : b.deltas()) {
            double dv = d.delta();
            String cls = Math.abs(dv) < 1e-12 ? "same" : ((dv > 0) == d.higherIsBetter() ? "better" : "worse");
            rows.add(Map.of("metric", ReportModel.metricLabel(d.metric()),
                    "baseline", Formats.deltaValue(d.metric(), d.baseline()),
                    "current", Formats.deltaValue(d.metric(), d.current()),
                    "delta", Formats.deltaChange(d.metric(), dv), "cls", cls,
                    "tolerance", d.tolerance() == null ? "" : d.tolerance(),
                    "regressed", d.regressed() ? "regressed" : "ok"));
        }
        m.put("rows", rows);
        return m;
    }

    private static List<Map<String, String>> pairs(Map<String, Object> map) {
        List<Map<String, String>> out = new ArrayList<>();
        if (map != null) {
            map.forEach((k, v) -> out.add(Map.of("key", k, "value", Formats.value(v))));
        }
        return out;
    }

    private static List<Map<String, String>> environment(EnvironmentInfo e) {
        if (e == null) {
            return List.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Java", e.javaVersion() + " (" + e.javaVendor() + ")");
        m.put("OS", e.os());
        m.put("CPUs", e.cpus());
        m.put("CPU model", e.cpuModel() == null ? "unknown" : e.cpuModel());
        m.put("CPU flags", e.cpuFlags() == null ? "unknown" : e.cpuFlags());
        m.put("Max heap", e.maxHeapMb() + " MiB");
        m.put("Engine", e.engine() + " " + e.engineVersion());
        m.put("DJL", e.djlVersion());
        m.put("Device", e.device());
        m.put("Engine threads", e.threads() == 0 ? "unknown" : e.threads());
        m.put("Git commit", e.gitCommit() == null ? "unknown" : e.gitCommit());
        m.put("Host", e.hostname() == null ? "unknown" : e.hostname());
        return pairs(m);
    }

    private static List<Map<String, Object>> epochTables(ExperimentResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunResult r : result.runs()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (EpochMetrics e : r.epochs()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("epoch", String.valueOf(e.epoch()));
                row.put("phase", e.phase());
                row.put("trainLoss", Formats.loss(e.trainLoss()));
                row.put("testAccuracy", Formats.percent(e.testAccuracy()));
                row.put("testLoss", Formats.loss(e.testLoss()));
                row.put("activation", Formats.percent(e.activationRate()));
                row.put("threshold", Formats.ratio(e.thresholdEnd()));
                row.put("savings", Formats.percent(e.modeledSavings()));
                row.put("trainSeconds", Formats.seconds2(e.trainSeconds()));
                row.put("scoringSeconds", Formats.seconds2(e.scoringSeconds()));
                row.put("selectSeconds", Formats.seconds2(e.selectSeconds()));
                row.put("stepSeconds", Formats.seconds2(e.stepSeconds()));
                row.put("evalSeconds", Formats.seconds2(e.evalSeconds()));
                row.put("trained", Formats.count(e.trainedSamples()) + " / " + Formats.count(e.samples()));
                row.put("lift", Double.isNaN(e.selectionLift()) ? "—"
                        : String.format(java.util.Locale.ROOT, "%.2f", e.selectionLift()));
                rows.add(row);
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("policy", r.policy().id());
            t.put("color", ReportModel.color(r.policy()));
            t.put("label", ReportModel.label(r));
            t.put("diverged", r.diverged() == null ? "" : r.diverged());
            t.put("rows", rows);
            out.add(t);
        }
        return out;
    }
}
