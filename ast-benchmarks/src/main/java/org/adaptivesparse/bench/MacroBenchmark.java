package org.adaptivesparse.bench;

import org.adaptivesparse.config.Policy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adaptivesparse.config.ConfigProperties;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.experiment.ExperimentRunner;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultJson;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.stats.PairedTest;
import org.adaptivesparse.stats.Spread;
import org.adaptivesparse.training.ProgressListener;

/**
 * The macro benchmark: one experiment through the engine itself ({@link ExperimentRunner}), so its
 * figures are the ones {@code ast:train} reports: AST and its controls interleaved epoch by epoch on
 * every seed, time to a target accuracy from {@code evalsPerEpoch} evaluations per epoch, and AST
 * against each control paired by seed. Defaults: {@code cnn} on all of Fashion-MNIST, batch 128, 10 %,
 * target 0.88, 6 epochs, 4 evaluations per epoch, controls {@code full,random}, one libtorch thread.
 * Any option of the engine is set as {@code name=value} (the names of {@code -Dast.<name>}):
 *
 * <pre>
 * java -cp ast-benchmarks/target/benchmarks.jar org.adaptivesparse.bench.MacroBenchmark \
 *     selection=stale seeds=8 epochs=6 --out ast-benchmarks/target/stale.json
 * </pre>
 */
public final class MacroBenchmark {
    private MacroBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("""
                    MacroBenchmark [name=value ...] [--out FILE]
                      name=value   any engine option, as -Dast.<name> takes it: seeds=8, selection=stale,
                                   targetAccuracy=0.88, epochs=6, limit=20000, controls=full,random,
                                   randomSampling=epoch, lrSchedule=cosine, threads=1, ...
                                   controls=full,random-batch,random-epoch runs both random
                                   samplings in one interleaved run and prints their paired test;
                                   selection=importance, score=gradnorm|article, primeEpochs=1,
                                   pressureSchedule=decay, staleSampling=coverage|percentile
                      --out FILE   also write the engine's result.json there
                    Defaults: cnn, fashion-mnist (all 60000), batch 128, targetActivation 0.10,
                    targetAccuracy 0.88, epochs 6, evalsPerEpoch 4, evalLimit 2000, controls full,random,
                    threads 1, allowDownload false.""");
            return;
        }
        ExperimentConfig.Builder b = ExperimentConfig.builder().name("macro").model("cnn").epochs(6).batchSize(128)
                .targetActivation(0.10).targetAccuracy(0.88).evalsPerEpoch(4).evalLimit(2000).controls("full,random")
                .threads(1).allowDownload(false);
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].contains("=")) {
                String[] kv = args[i].split("=", 2);
                ConfigProperties.apply(b, kv[0], kv[1]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; see --help");
            }
        }
        ExperimentConfig cfg = b.build();
        ExperimentResult result = new ExperimentRunner(new Printer()).run(cfg);
        print(result, cfg, System.out);
        System.out.printf(Locale.ROOT, "peak RSS (VmHWM): %.0f MiB%n", peakRssMiB());
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            ResultJson.write(out, result);
            System.out.println("written: " + out);
        }
    }

    /** Per policy and seed, then over seeds: time to target, epoch seconds, final accuracy, and the paired tests. */
    static void print(ExperimentResult r, ExperimentConfig cfg, PrintStream out) {
        double target = cfg.targetAccuracy() == null ? Double.NaN : cfg.targetAccuracy();
        out.println();
        boolean noise = r.runs().stream().anyMatch(x -> x.mislabelledShare() != null);
        boolean once = r.runs().stream().anyMatch(x -> x.oneTimeCost() != null);
        out.printf(Locale.ROOT, "%-12s %6s %9s %10s %8s %9s %7s %6s%s%s%n", "policy", "seed", "t" + Math.round(target * 100)
                + " s", "samples", "steps", "s/epoch", "final", "lift", noise ? "  mislabelled" : "",
                once ? "  one-time s  steps  t+one-time s" : "");
        for (RunResult run : r.runs()) {
            EpochMetrics last = run.epochs().isEmpty() ? null : run.epochs().get(run.epochs().size() - 1);
            out.printf(Locale.ROOT, "%-12s %6d %9s %10s %8s %9.2f %7.4f %6.2f%s%s%n", run.policy(), run.seed(),
                    run.timeToTargetSeconds() == null ? "-" : String.format(Locale.ROOT, "%.1f", run.timeToTargetSeconds()),
                    run.samplesToTarget() == null ? "-" : run.samplesToTarget(),
                    run.stepsToTarget() == null ? "-" : run.stepsToTarget(), run.medianEpochSeconds(false),
                    run.finalAccuracy(), last == null ? Double.NaN : last.selectionLift(),
                    noise ? String.format(Locale.ROOT, "  %11.3f", run.mislabelled()) : "",
                    !once || run.oneTimeCost() == null ? "" : String.format(Locale.ROOT, "  %10.1f %6d %13s",
                            run.oneTimeCost().seconds(), run.oneTimeCost().steps(),
                            run.timeToTargetWithOneTimeSeconds() == null ? "-"
                                    : String.format(Locale.ROOT, "%.1f", run.timeToTargetWithOneTimeSeconds())));
        }
        out.println();
        for (Policy policy : r.policies()) {
            List<RunResult> runs = r.runs(policy);
            double[] reached = runs.stream().filter(x -> x.timeToTargetSeconds() != null)
                    .mapToDouble(RunResult::timeToTargetSeconds).toArray();
            Spread t = Spread.of(reached);
            Spread acc = Spread.of(runs.stream().mapToDouble(RunResult::finalAccuracy).toArray());
            Spread epoch = Spread.of(runs.stream().mapToDouble(x -> x.medianEpochSeconds(false)).toArray());
            String time = reached.length == 0 ? "" : String.format(Locale.ROOT, ", time to target median %s [%s-%s] s",
                    fmt(t.median()), fmt(t.min()), fmt(t.max()));
            out.printf(Locale.ROOT, "%-12s reached the target on %d of %d seeds%s; s/epoch %.2f; final accuracy %.4f"
                    + " [%.4f-%.4f]%n", policy, reached.length, runs.size(), time, epoch.median(), acc.median(),
                    acc.min(), acc.max());
        }
        List<String> tests = new ArrayList<>();
        if (r.comparison() != null) {
            add(tests, "random", r.comparison().firstToTargetVsRandom());
            add(tests, "full", r.comparison().firstToTargetVsFull());
            if (r.comparison().timeToTargetVsRandom() != null) {
                tests.add(String.format(Locale.ROOT, "median time to target, ast / random: %.3f",
                        r.comparison().timeToTargetVsRandom()));
            }
        }
        if (!r.runs(Policy.RANDOM_EPOCH).isEmpty() && !r.runs(Policy.RANDOM_BATCH).isEmpty()) {
            add(tests, "random-epoch", "random-batch",
                    firstToTarget(r.runs(Policy.RANDOM_EPOCH), r.runs(Policy.RANDOM_BATCH)));
        }
        tests.forEach(out::println);
    }

    private static void add(List<String> lines, String control, PairedTest t) {
        add(lines, "ast", control, t);
    }

    private static void add(List<String> lines, String policy, String control, PairedTest t) {
        if (t != null) {
            lines.add(String.format(Locale.ROOT, "%s first to the target vs %s: %d wins, %d losses, %d ties"
                    + " (sign test p %.4f, Wilcoxon p %.4f)", policy, control, t.wins(), t.losses(), t.ties(), t.signP(),
                    t.wilcoxonP()));
        }
    }

    /** Two policies' runs paired by seed (both lists in seed order), on time to target; never reaching it is last. */
    static PairedTest firstToTarget(List<RunResult> a, List<RunResult> b) {
        int n = Math.min(a.size(), b.size());
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a.get(i).timeToTargetSeconds() == null ? Double.POSITIVE_INFINITY : a.get(i).timeToTargetSeconds();
            y[i] = b.get(i).timeToTargetSeconds() == null ? Double.POSITIVE_INFINITY : b.get(i).timeToTargetSeconds();
        }
        return PairedTest.of(x, y, true);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Peak resident set size of this process in MiB, from /proc/self/status (VmHWM); NaN where absent. */
    static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Prints one line per epoch as the runs go. */
    private static final class Printer implements ProgressListener {
        @Override
        public void epochFinished(String experiment, String policy, EpochMetrics m, int totalEpochs) {
            System.out.printf(Locale.ROOT,
                    "%-7s epoch %2d/%d  train %6.2f s (scoring %5.2f, select %5.2f, step %5.2f)  acc %.4f  act %.3f"
                            + "  lift %.2f  steps %d  rss %.0f MiB%n",
                    policy, m.epoch(), totalEpochs, m.trainSeconds(), m.scoringSeconds(), m.selectSeconds(),
                    m.stepSeconds(), m.testAccuracy(), m.activationRate(), m.selectionLift(), m.optimizerSteps(),
                    peakRssMiB());
        }

        @Override
        public void info(String message) {
            System.out.println(message);
        }

        @Override
        public void warn(String message) {
            System.out.println("WARN " + message);
        }
    }
}
