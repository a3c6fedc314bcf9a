package org.adaptivesparse.bench;

import ai.djl.nn.Block;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.config.SelectionMode;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.DatasetCatalog;
import org.adaptivesparse.data.Datasets;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.training.ProgressListener;
import org.adaptivesparse.training.SparseTrainer;

/**
 * The macro benchmark: {@code cnn} (or {@code --model}) on Fashion-MNIST, batch 128, the policies {@code full},
 * {@code random}, {@code ast} (fresh scoring) and {@code ast-stale} one after another in this JVM,
 * with the same seed and initial weights, after one untimed warm-up. Prints a line per epoch and a
 * final table (median training-loop seconds per epoch, ratio to full, accuracy per epoch, seconds to
 * the target accuracy, peak RSS) and writes the same as JSON.
 *
 * <pre>
 * java -cp ast-benchmarks/target/benchmarks.jar org.adaptivesparse.bench.MacroBenchmark \
 *     --epochs 6 --limit 0 --target 0.10 --accuracy 0.88 --out ast-benchmarks/target/macro.json
 * </pre>
 */
public final class MacroBenchmark {
    private static final List<String> ALL = List.of("full", "random", "ast", "ast-stale");

    private MacroBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        if (o == null) {
            return;
        }
        // Read by DJL when the engine loads, so set before the first NDManager exists.
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(o.threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        DataSplit data = Datasets.load(DatasetCatalog.FASHION_MNIST, o.dataDir, Path.of(System.getProperty("user.home"),
                ".cache", "ast", "datasets"), false, o.limit, o.testLimit, o.seed);
        System.out.printf(Locale.ROOT, "data: %d training, %d test samples; batch %d, target %.2f, %d epochs, "
                + "%d libtorch thread(s) on %d processors%n", data.train().size(), data.test().size(), o.batch, o.target,
                o.epochs, o.threads, Runtime.getRuntime().availableProcessors());
        Supplier<Block> blocks = () -> Models.build(o.model, data.train().channels(), data.train().height(),
                data.train().width(), data.train().classes());
        warmUp(o, data, blocks);

        Map<String, RunResult> runs = new LinkedHashMap<>();
        for (String p : o.policies) {
            ExperimentConfig cfg = config(o, p);
            System.out.printf(Locale.ROOT, "-- %s%s%n", p, p.equals("ast-stale") ? String.format(Locale.ROOT,
                    " (refresh every %d epochs, exploration %.2f, sampling %s, skip top %.3f)", cfg.staleRefreshEpochs(),
                    cfg.staleExploration(), cfg.staleSampling(), cfg.staleSkipTop()) : "");
            RunResult r = new SparseTrainer(cfg, new Printer(p)).train(policy(p), data, blocks);
            runs.put(p, r);
        }
        Report report = Report.of(o, runs, peakRssMiB());
        report.print(System.out);
        if (o.out != null) {
            if (o.out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(o.out.toAbsolutePath().getParent());
            }
            Files.writeString(o.out, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                    .create().toJson(report));
            System.out.println("written: " + o.out);
        }
    }

    static Policy policy(String p) {
        return switch (p) {
            case "full" -> Policy.FULL;
            case "random" -> Policy.RANDOM;
            default -> Policy.AST;
        };
    }

    static ExperimentConfig config(Options o, String p) {
        ExperimentConfig.Builder b = ExperimentConfig.builder().name("macro").model(o.model).epochs(o.epochs)
                .batchSize(o.batch).targetActivation(o.target).seed(o.seed).controls(List.of())
                .selection(p.equals("ast-stale") ? SelectionMode.STALE : SelectionMode.FRESH);
        if (o.kp != null) {
            b.kp(o.kp);
        }
        if (o.ki != null) {
            b.ki(o.ki);
        }
        if (o.staleRefresh != null) {
            b.staleRefreshEpochs(o.staleRefresh);
        }
        if (o.staleExploration != null) {
            b.staleExploration(o.staleExploration);
        }
        if (o.staleSampling != null) {
            b.staleSampling(o.staleSampling);
        }
        if (o.staleSkipTop != null) {
            b.staleSkipTop(o.staleSkipTop);
        }
        return b.build();
    }

    /** A few untimed batches of full training, so JIT and libtorch's first calls land on no policy. */
    private static void warmUp(Options o, DataSplit data, Supplier<Block> blocks) {
        long t0 = System.nanoTime();
        int n = Math.min(data.train().size(), 30 * o.batch);
        ExperimentConfig warm = ExperimentConfig.builder().name("warmup").model(o.model).epochs(1).batchSize(o.batch)
                .seed(o.seed).controls(List.of()).build();
        DataSplit small = new DataSplit(data.train().limit(n), data.test().limit(o.batch));
        new SparseTrainer(warm, ProgressListener.NONE).train(Policy.FULL, small, blocks);
        System.out.printf(Locale.ROOT, "warm-up: %d batches of full training in %.1f s%n", n / o.batch,
                (System.nanoTime() - t0) / 1e9);
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
    private record Printer(String name) implements ProgressListener {
        @Override
        public void epochFinished(String experiment, String policy, EpochMetrics m, int totalEpochs) {
            System.out.printf(Locale.ROOT,
                    "%-9s epoch %2d/%d  train %6.2f s (scoring %5.2f, select %5.2f, step %5.2f)  acc %.4f  act %.3f"
                            + "  steps %d  rss %.0f MiB%n",
                    name, m.epoch(), totalEpochs, m.trainSeconds(), m.scoringSeconds(), m.selectSeconds(),
                    m.stepSeconds(), m.testAccuracy(), m.activationRate(), m.optimizerSteps(), peakRssMiB());
        }

        @Override
        public void warn(String message) {
            System.out.println("WARN " + message);
        }
    }

    /** Command-line options; every one has a default. */
    static final class Options {
        int epochs = 6;
        int limit;
        int testLimit;
        int batch = 128;
        double target = 0.10;
        double accuracy = 0.88;
        long seed = 42;
        Path out;
        Path dataDir;
        List<String> policies = ALL;
        Integer staleRefresh;
        Double staleExploration;
        String staleSampling;
        Double staleSkipTop;
        Double kp;
        Double ki;
        int threads = 1;
        String model = "cnn";

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    System.out.println("""
                            MacroBenchmark options (defaults in brackets):
                              --epochs N             epochs per policy [6]
                              --limit N              training samples, 0 = all 60000 [0]
                              --test-limit N         test samples, 0 = all 10000 [0]
                              --batch N              batch size [128]
                              --target A             activation target of random and ast [0.10]
                              --accuracy A           test accuracy for time-to-accuracy [0.88]
                              --seed N               seed of shuffling, selection and initial weights [42]
                              --policies LIST        comma-separated subset of full,random,ast,ast-stale [all]
                              --stale-refresh N      staleRefreshEpochs of ast-stale [engine default]
                              --stale-exploration E  staleExploration of ast-stale [engine default]
                              --stale-sampling S     staleSampling of ast-stale: greedy or proportional [engine default]
                              --stale-skip-top F     staleSkipTop of ast-stale, 0 to below 1 [engine default]
                              --kp X --ki X          controller gains of ast and ast-stale [engine default]
                              --threads N            libtorch intra-op threads [1]; see docs/benchmarks.md
                              --model NAME           the network: %s [cnn]
                              --data-dir DIR         where Fashion-MNIST is [usual places]
                              --out FILE             JSON report [none]""".formatted(String.join(", ", Models.names())));
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--epochs" -> o.epochs = Integer.parseInt(v);
                    case "--limit" -> o.limit = Integer.parseInt(v);
                    case "--test-limit" -> o.testLimit = Integer.parseInt(v);
                    case "--batch" -> o.batch = Integer.parseInt(v);
                    case "--target" -> o.target = Double.parseDouble(v);
                    case "--accuracy" -> o.accuracy = Double.parseDouble(v);
                    case "--seed" -> o.seed = Long.parseLong(v);
                    case "--threads" -> o.threads = Integer.parseInt(v);
                    case "--model" -> {
                        if (!Models.isKnown(v)) {
                            throw new IllegalArgumentException(Models.unknown(v));
                        }
                        o.model = Models.canonical(v);
                    }
                    case "--out" -> o.out = Path.of(v);
                    case "--data-dir" -> o.dataDir = Path.of(v);
                    case "--policies" -> {
                        o.policies = new ArrayList<>();
                        for (String p : v.split(",")) {
                            String q = p.trim().toLowerCase(Locale.ROOT);
                            if (!ALL.contains(q)) {
                                throw new IllegalArgumentException("unknown policy '" + p + "'; allowed: " + ALL);
                            }
                            o.policies.add(q);
                        }
                    }
                    case "--stale-refresh" -> o.staleRefresh = Integer.parseInt(v);
                    case "--stale-exploration" -> o.staleExploration = Double.parseDouble(v);
                    case "--stale-sampling" -> o.staleSampling = v;
                    case "--stale-skip-top" -> o.staleSkipTop = Double.parseDouble(v);
                    case "--kp" -> o.kp = Double.parseDouble(v);
                    case "--ki" -> o.ki = Double.parseDouble(v);
                    default -> throw new IllegalArgumentException("unknown option " + a + "; see --help");
                }
            }
            return o;
        }
    }

    /** What the run measured, as printed and as written to JSON. */
    record Report(Map<String, Object> settings, List<PolicyRow> policies, double peakRssMiB) {
        static Report of(Options o, Map<String, RunResult> runs, double rss) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("model", o.model);
            s.put("dataset", "fashion-mnist");
            s.put("epochs", o.epochs);
            s.put("limit", o.limit);
            s.put("batch", o.batch);
            s.put("target", o.target);
            s.put("accuracy", o.accuracy);
            s.put("seed", o.seed);
            s.put("processors", Runtime.getRuntime().availableProcessors());
            s.put("libtorchThreads", o.threads);
            RunResult full = runs.get("full");
            double fullMedian = full == null ? Double.NaN : full.medianEpochSeconds(null);
            double fullT = full == null ? Double.NaN : full.secondsToAccuracy(o.accuracy);
            List<PolicyRow> rows = new ArrayList<>();
            for (Map.Entry<String, RunResult> e : runs.entrySet()) {
                RunResult r = e.getValue();
                double med = r.medianEpochSeconds(null);
                double t = r.secondsToAccuracy(o.accuracy);
                List<Double> acc = r.epochs().stream().map(EpochMetrics::testAccuracy).toList();
                List<Double> secs = r.epochs().stream().map(EpochMetrics::trainSeconds).toList();
                List<Double> act = r.epochs().stream().map(EpochMetrics::activationRate).toList();
                double scoring = median(r.epochs().stream().mapToDouble(EpochMetrics::scoringSeconds).toArray());
                double select = median(r.epochs().stream().mapToDouble(EpochMetrics::selectSeconds).toArray());
                double step = median(r.epochs().stream().mapToDouble(EpochMetrics::stepSeconds).toArray());
                rows.add(new PolicyRow(e.getKey(), med, fullMedian / med, med / fullMedian, scoring, select, step,
                        r.activationRate(), t, t / fullT, secs, acc, act, r.epochs()));
            }
            return new Report(s, rows, rss);
        }

        void print(java.io.PrintStream out) {
            double target = (double) settings.get("accuracy");
            out.println();
            out.printf(Locale.ROOT, "%-9s %8s %8s %8s %7s %7s %7s %6s %9s %8s  %s%n", "policy", "s/epoch", "speedup",
                    "x full", "score", "select", "step", "act", "t" + Math.round(target * 100) + " s", "x full",
                    "accuracy per epoch");
            for (PolicyRow r : policies) {
                StringBuilder acc = new StringBuilder();
                for (double a : r.accuracy()) {
                    acc.append(String.format(Locale.ROOT, "%.4f ", a));
                }
                out.printf(Locale.ROOT, "%-9s %8.2f %7.2fx %8.3f %7.2f %7.2f %7.2f %6.3f %9s %8s  %s%n", r.policy(),
                        r.medianEpochSeconds(), r.speedupVsFull(), r.epochSecondsVsFull(), r.medianScoringSeconds(),
                        r.medianSelectSeconds(), r.medianStepSeconds(), r.activation(),
                        Double.isNaN(r.secondsToAccuracy()) ? "not reached" : String.format(Locale.ROOT, "%.1f",
                                r.secondsToAccuracy()),
                        Double.isNaN(r.timeToAccuracyVsFull()) ? "-" : String.format(Locale.ROOT, "%.3f",
                                r.timeToAccuracyVsFull()), acc.toString().trim());
            }
            out.printf(Locale.ROOT, "peak RSS (VmHWM): %.0f MiB%n", peakRssMiB);
        }

        private static double median(double[] a) {
            if (a.length == 0) {
                return Double.NaN;
            }
            double[] s = a.clone();
            java.util.Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    /** One policy's figures; medians over all epochs. */
    record PolicyRow(String policy, double medianEpochSeconds, double speedupVsFull, double epochSecondsVsFull,
            double medianScoringSeconds, double medianSelectSeconds, double medianStepSeconds, double activation,
            double secondsToAccuracy, double timeToAccuracyVsFull, List<Double> epochSeconds, List<Double> accuracy,
            List<Double> activationPerEpoch, List<EpochMetrics> epochs) {
    }
}
