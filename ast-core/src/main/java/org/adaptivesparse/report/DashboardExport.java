package org.adaptivesparse.report;

import org.adaptivesparse.config.Policy;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.JsonFiles;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.TextFiles;
import org.adaptivesparse.stats.Spread;

/**
 * An experiment's figures for benchmark dashboards, written next to {@code result.json}:
 * <ul>
 *   <li>{@value #BIGGER} and {@value #SMALLER}: github-action-benchmark's {@code customBiggerIsBetter}
 *       and {@code customSmallerIsBetter} formats, an array of {@code {name, unit, value, extra}};</li>
 *   <li>{@value #BENCHER}: Bencher Metric Format, {@code {benchmark: {measure: {value}}}}, one
 *       benchmark per policy ({@code <experiment>/<policy>}).</li>
 * </ul>
 * With several seeds a figure is the median over them, with their range ({@code range} for
 * github-action-benchmark, {@code lower_value}/{@code upper_value} for Bencher). Modeled figures say so in their name; a figure that does not exist (no full control, no speedup)
 * is left out rather than written as zero.
 */
public final class DashboardExport {
    /** github-action-benchmark, tool {@code customBiggerIsBetter}: accuracy, modeled savings, measured speedup. */
    public static final String BIGGER = "benchmark-bigger.json";
    /** github-action-benchmark, tool {@code customSmallerIsBetter}: median epoch seconds, test loss. */
    public static final String SMALLER = "benchmark-smaller.json";
    /** Bencher Metric Format, for {@code bencher run --adapter json --file}. */
    public static final String BENCHER = "bencher.json";

    private DashboardExport() {
    }

    /** The {@code customBiggerIsBetter} array; a sweep's points each under their own name ({@code cnn@10%}). */
    public static String bigger(ExperimentResult sweepOrExperiment) {
        JsonArray a = new JsonArray();
        sweepOrExperiment.points().forEach(p -> bigger(a, p));
        return JsonFiles.gson().toJson(a);
    }

    private static void bigger(JsonArray a, ExperimentResult r) {
        for (Policy policy : r.policies()) {
            add(a, r.name() + " " + policy + " accuracy", "ratio", over(r, policy, RunResult::finalAccuracy),
                    "final test accuracy");
        }
        if (!r.runs(Policy.AST).isEmpty()) {
            add(a, r.name() + " ast savings (modeled)", "ratio", over(r, Policy.AST, RunResult::modeledSavings),
                    "modeled from sample counts, not measured");
        }
        if (r.comparison() != null && r.comparison().speedupVsFull() != null) {
            add(a, r.name() + " ast speedup vs full", "x", Spread.of(r.comparison().speedupVsFull()),
                    "median epoch seconds, full / ast, measured in one process");
        }
    }

    /** The {@code customSmallerIsBetter} array; a sweep's points each under their own name. */
    public static String smaller(ExperimentResult sweepOrExperiment) {
        JsonArray a = new JsonArray();
        sweepOrExperiment.points().forEach(p -> smaller(a, p));
        return JsonFiles.gson().toJson(a);
    }

    private static void smaller(JsonArray a, ExperimentResult r) {
        for (Policy policy : r.policies()) {
            add(a, r.name() + " " + policy + " median epoch seconds", "s", over(r, policy, DashboardExport::epochSeconds),
                    "training loop, measured");
        }
        for (Policy policy : r.policies()) {
            add(a, r.name() + " " + policy + " test loss", "loss", over(r, policy, RunResult::finalTestLoss),
                    "final test loss");
        }
    }

    /**
     * The Bencher Metric Format object; with several seeds, each value is the median and the bounds their
     * range; a sweep's points each under their own name.
     */
    public static String bencher(ExperimentResult sweepOrExperiment) {
        JsonObject root = new JsonObject();
        sweepOrExperiment.points().forEach(p -> bencher(root, p));
        return JsonFiles.gson().toJson(root);
    }

    private static void bencher(JsonObject root, ExperimentResult r) {
        for (Policy policy : r.policies()) {
            JsonObject b = new JsonObject();
            measure(b, "accuracy", over(r, policy, RunResult::finalAccuracy));
            measure(b, "test-loss", over(r, policy, RunResult::finalTestLoss));
            measure(b, "epoch-seconds", over(r, policy, DashboardExport::epochSeconds));
            measure(b, "activation", over(r, policy, RunResult::activationRate));
            measure(b, "modeled-savings", over(r, policy, RunResult::modeledSavings));
            if (policy == Policy.AST && r.comparison() != null && r.comparison().speedupVsFull() != null) {
                measure(b, "speedup-vs-full", Spread.of(r.comparison().speedupVsFull()));
            }
            root.add(r.name() + "/" + policy, b);
        }
    }

    private static double epochSeconds(RunResult run) {
        return run.medianEpochSeconds(run.policy() == Policy.AST);
    }

    /** A figure of every seed's run of {@code policy}, skipping values that are not finite. */
    private static Spread over(ExperimentResult r, Policy policy, ToDoubleFunction<RunResult> figure) {
        double[] v = r.runs(policy).stream().mapToDouble(figure).filter(Double::isFinite).toArray();
        return v.length == 0 ? null : Spread.of(v);
    }

    /** Writes the three files into {@code directory}; returns them. */
    public static List<Path> write(Path directory, ExperimentResult r) {
        Path big = directory.resolve(BIGGER);
        Path small = directory.resolve(SMALLER);
        Path bencher = directory.resolve(BENCHER);
        TextFiles.write(big, bigger(r) + "\n");
        TextFiles.write(small, smaller(r) + "\n");
        TextFiles.write(bencher, bencher(r) + "\n");
        return List.of(big, small, bencher);
    }

    private static void add(JsonArray a, String name, String unit, Spread s, String extra) {
        if (s == null || !Double.isFinite(s.median())) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("unit", unit);
        o.addProperty("value", s.median());
        if (s.n() > 1) {
            o.addProperty("range", String.format(Locale.ROOT, "%.4g to %.4g", s.min(), s.max()));
            extra += "; median of " + s.n() + " seeds";
        }
        o.addProperty("extra", extra);
        a.add(o);
    }

    private static void measure(JsonObject benchmark, String slug, Spread s) {
        if (s != null && Double.isFinite(s.median())) {
            JsonObject m = new JsonObject();
            m.addProperty("value", s.median());
            if (s.n() > 1) {
                m.addProperty("lower_value", s.min());
                m.addProperty("upper_value", s.max());
            }
            benchmark.add(slug, m);
        }
    }
}
