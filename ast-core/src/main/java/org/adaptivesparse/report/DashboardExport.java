package org.adaptivesparse.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.JsonFiles;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.TextFiles;

/**
 * An experiment's figures for benchmark dashboards, written next to {@code result.json}:
 * <ul>
 *   <li>{@value #BIGGER} and {@value #SMALLER}: github-action-benchmark's {@code customBiggerIsBetter}
 *       and {@code customSmallerIsBetter} formats, an array of {@code {name, unit, value, extra}};</li>
 *   <li>{@value #BENCHER}: Bencher Metric Format, {@code {benchmark: {measure: {value}}}}, one
 *       benchmark per policy ({@code <experiment>/<policy>}).</li>
 * </ul>
 * Modeled figures say so in their name; a figure that does not exist (no full control, no speedup)
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

    /** The {@code customBiggerIsBetter} array. */
    public static String bigger(ExperimentResult r) {
        JsonArray a = new JsonArray();
        for (RunResult run : r.runs()) {
            add(a, r.name() + " " + run.policy() + " accuracy", "ratio", run.finalAccuracy(), "final test accuracy");
        }
        r.run("ast").ifPresent(ast -> add(a, r.name() + " ast savings (modeled)", "ratio", ast.modeledSavings(),
                "modeled from sample counts, not measured"));
        if (r.comparison() != null && r.comparison().speedupVsFull() != null) {
            add(a, r.name() + " ast speedup vs full", "x", r.comparison().speedupVsFull(),
                    "median epoch seconds, full / ast, measured in one process");
        }
        return JsonFiles.gson().toJson(a);
    }

    /** The {@code customSmallerIsBetter} array. */
    public static String smaller(ExperimentResult r) {
        JsonArray a = new JsonArray();
        for (RunResult run : r.runs()) {
            add(a, r.name() + " " + run.policy() + " median epoch seconds", "s",
                    run.medianEpochSeconds(run.policy().equals("ast") ? "ast" : null), "training loop, measured");
        }
        for (RunResult run : r.runs()) {
            add(a, r.name() + " " + run.policy() + " test loss", "loss", run.finalTestLoss(), "final test loss");
        }
        return JsonFiles.gson().toJson(a);
    }

    /** The Bencher Metric Format object. */
    public static String bencher(ExperimentResult r) {
        JsonObject root = new JsonObject();
        for (RunResult run : r.runs()) {
            JsonObject b = new JsonObject();
            measure(b, "accuracy", run.finalAccuracy());
            measure(b, "test-loss", run.finalTestLoss());
            measure(b, "epoch-seconds", run.medianEpochSeconds(run.policy().equals("ast") ? "ast" : null));
            measure(b, "activation", run.activationRate());
            measure(b, "modeled-savings", run.modeledSavings());
            if (run.policy().equals("ast") && r.comparison() != null && r.comparison().speedupVsFull() != null) {
                measure(b, "speedup-vs-full", r.comparison().speedupVsFull());
            }
            root.add(r.name() + "/" + run.policy(), b);
        }
        return JsonFiles.gson().toJson(root);
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

    private static void add(JsonArray a, String name, String unit, double value, String extra) {
        if (!Double.isFinite(value)) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("unit", unit);
        o.addProperty("value", value);
        o.addProperty("extra", extra);
        a.add(o);
    }

    private static void measure(JsonObject benchmark, String slug, double value) {
        if (Double.isFinite(value)) {
            JsonObject m = new JsonObject();
            m.addProperty("value", value);
            benchmark.add(slug, m);
        }
    }
}
