package org.adaptivesparse.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.config.ExperimentConfig;

/** Builds small but complete {@link ExperimentResult}s for tests: real records, no mocks. */
public final class ResultFixture {
    private String name = "cnn";
    private int warmup;
    private double target = 0.10;
    private double[] astAcc = {0.70, 0.80, 0.85};
    private double[] astAct = {0.12, 0.105, 0.10};
    private double[] astSec = {4.0, 4.0, 4.0};
    private double[] fullAcc = {0.75, 0.84, 0.87};
    private double[] fullSec = {8.0, 8.0, 8.0};
    private double[] randomAcc = {0.60, 0.70, 0.75};
    private boolean withFull = true;
    private boolean withRandom = true;
    private String astDiverged;
    private Map<String, Object> settingsOverride;
    private Double targetAccuracy;
    private double astLift = Double.NaN;
    private long[] seeds = {42};
    private double[] seedShifts;
    private Integer classes;
    private long samplesPerEpoch = 1000;
    private EnvironmentInfo environment = new EnvironmentInfo("17.0.15", "Debian", "Linux 6.1 amd64", 8, 4096, "PyTorch",
            "2.7.1", "0.36.0", "cpu()", 8, "abc1234", "ci-runner");
    private final Map<String, double[]> losses = new LinkedHashMap<>();
    private double[] sweepTargets;
    private final Map<String, double[][]> sweepPoints = new LinkedHashMap<>();

    public static ResultFixture result() {
        return new ResultFixture();
    }

    public ResultFixture name(String v) { name = v; return this; }
    public ResultFixture warmup(int v) { warmup = v; return this; }
    public ResultFixture target(double v) { target = v; return this; }
    public ResultFixture astAccuracy(double... v) { astAcc = v; return this; }
    public ResultFixture astActivation(double... v) { astAct = v; return this; }
    public ResultFixture astSeconds(double... v) { astSec = v; return this; }
    public ResultFixture fullAccuracy(double... v) { fullAcc = v; return this; }
    public ResultFixture fullSeconds(double... v) { fullSec = v; return this; }
    public ResultFixture randomAccuracy(double... v) { randomAcc = v; return this; }
    public ResultFixture withoutFull() { withFull = false; return this; }
    public ResultFixture withoutRandom() { withRandom = false; return this; }
    public ResultFixture astDiverged(String reason) { astDiverged = reason; return this; }
    public ResultFixture settings(Map<String, Object> v) { settingsOverride = v; return this; }
    /** Each run's time to this accuracy, from one evaluation per epoch end. */
    public ResultFixture targetAccuracy(double v) { targetAccuracy = v; return this; }
    /** Every policy once per seed; later seeds shift every accuracy down by 0.001 per seed. */
    public ResultFixture seeds(long... v) { seeds = v; return this; }
    /** How far each seed's accuracies sit from {@link #astAccuracy} (and the controls'); -0.001 x k by default. */
    public ResultFixture seedShifts(double... v) { seedShifts = v; return this; }
    /** AST's selection lift in every epoch. */
    public ResultFixture astSelectionLift(double v) { astLift = v; return this; }
    /** Records the class count in the configuration, as runs do since the blow-up rules. */
    public ResultFixture classes(int v) { classes = v; return this; }
    /** Samples every policy sees per epoch (1000). */
    public ResultFixture samplesPerEpoch(long v) { samplesPerEpoch = v; return this; }
    /** Where the result was measured (by default 8 threads on an unnamed CPU). */
    public ResultFixture environment(EnvironmentInfo v) { environment = v; return this; }
    /** An environment of one libtorch thread on a named CPU: one where runs reproduce. */
    public static EnvironmentInfo deterministicEnvironment(String cpuFlags) {
        return new EnvironmentInfo("17.0.15", "Debian", "Linux 6.1 amd64", 2, 4096, "PyTorch", "2.7.1", "0.36.0", "cpu()",
                1, "abc1234", "ci-runner", "Intel(R) Xeon(R) Processor", cpuFlags);
    }
    /** The training loss per epoch of a policy ({@code ast}, {@code full}, {@code random}). */
    public ResultFixture trainLoss(String policy, double... v) { losses.put(policy, v); return this; }

    /**
     * A sweep over these activation targets: per seed, AST and random at every target and full once.
     * A point not given by {@link #point} gets AST's (or random's) accuracies raised by 0.2 per unit of
     * target above 0.1 and seconds growing with the target.
     */
    public ResultFixture sweep(double... targets) { sweepTargets = targets; return this; }
    /** The accuracies and seconds per epoch of {@code policy} ({@code ast} or {@code random}) at {@code target}. */
    public ResultFixture point(String policy, double target, double[] accuracy, double[] seconds) {
        sweepPoints.put(policy + "@" + target, new double[][] {accuracy, seconds});
        return this;
    }

    public ExperimentConfig config() {
        return ExperimentConfig.builder().name(name).epochs(astAcc.length).warmupEpochs(warmup)
                .targetActivation(target).build();
    }

    public ExperimentResult build() {
        if (sweepTargets != null) {
            return buildSweep();
        }
        List<RunResult> runs = new ArrayList<>();
        for (int k = 0; k < seeds.length; k++) {
            long seed = seeds[k];
            double shift = seedShifts != null ? seedShifts[k] : -0.001 * k;
            runs.add(run("ast", shifted(astAcc, shift), astAct, astSec, astDiverged, seed));
            if (withFull) {
                runs.add(run("full", shifted(fullAcc, shift), ones(fullAcc.length), fullSec, null, seed));
            }
            if (withRandom) {
                runs.add(run("random", shifted(randomAcc, shift), fill(randomAcc.length, target), astSec, null, seed));
            }
        }
        if (targetAccuracy != null) {
            runs.replaceAll(r -> r.withTarget(targetAccuracy));
        }
        Comparison c = Comparisons.compare(runs, warmup > 0, targetAccuracy != null);
        Map<String, Object> configuration = new LinkedHashMap<>(config().comparableSettings());
        configuration.put("outputDir", "target/ast");
        configuration.put("controls", withRandom ? "full, random" : "full");
        if (targetAccuracy != null) {
            configuration.put("targetAccuracy", targetAccuracy);
        }
        if (classes != null) {
            configuration.put("classes", classes);
        }
        EnvironmentInfo env = environment;
        return new ExperimentResult(ExperimentResult.SCHEMA_VERSION, name, "A fixture experiment",
                "2025-01-02T03:04:05Z", settingsOverride != null ? settingsOverride : config().comparableSettings(),
                configuration, env, runs, c, null);
    }

    private ExperimentResult buildSweep() {
        List<RunResult> runs = new ArrayList<>();
        for (int k = 0; k < seeds.length; k++) {
            long seed = seeds[k];
            double shift = seedShifts != null ? seedShifts[k] : -0.001 * k;
            for (double t : sweepTargets) {
                double[][] p = pointOf("ast", t, astAcc, astSec);
                runs.add(run("ast", shifted(p[0], shift), fill(p[0].length, t), p[1], astDiverged, seed)
                        .withTargetActivation(t));
            }
            if (withFull) {
                runs.add(run("full", shifted(fullAcc, shift), ones(fullAcc.length), fullSec, null, seed));
            }
            if (withRandom) {
                for (double t : sweepTargets) {
                    double[][] p = pointOf("random", t, randomAcc, astSec);
                    runs.add(run("random", shifted(p[0], shift), fill(p[0].length, t), p[1], null, seed)
                            .withTargetActivation(t));
                }
            }
        }
        if (targetAccuracy != null) {
            runs.replaceAll(r -> r.withTarget(targetAccuracy));
        }
        List<ExperimentResult.SweepPoint> points = new ArrayList<>();
        for (double t : sweepTargets) {
            List<RunResult> at = runs.stream()
                    .filter(r -> r.targetActivation() == null || r.targetActivation() == t).toList();
            points.add(new ExperimentResult.SweepPoint(t,
                    Comparisons.compare(at, warmup > 0, targetAccuracy != null)));
        }
        ExperimentConfig cfg = config().toBuilder().targets(java.util.Arrays.stream(sweepTargets)
                .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","))).build();
        Map<String, Object> configuration = new LinkedHashMap<>(cfg.comparableSettings());
        configuration.put("controls", withRandom ? "full, random" : "full");
        if (targetAccuracy != null) {
            configuration.put("targetAccuracy", targetAccuracy);
        }
        EnvironmentInfo env = new EnvironmentInfo("17.0.15", "Debian", "Linux 6.1 amd64", 8, 4096, "PyTorch", "2.7.1",
                "0.36.0", "cpu()", 8, "abc1234", "ci-runner");
        return new ExperimentResult(ExperimentResult.SCHEMA_VERSION, name, "A fixture sweep", "2025-01-02T03:04:05Z",
                cfg.comparableSettings(), configuration, env, runs, null, null, points);
    }

    private double[][] pointOf(String policy, double t, double[] acc, double[] sec) {
        double[][] given = sweepPoints.get(policy + "@" + t);
        if (given != null) {
            return given;
        }
        double[] a = shifted(acc, 0.2 * (t - 0.1));
        double[] s = sec.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= 0.3 + t;
        }
        return new double[][] {a, s};
    }

    private static double[] shifted(double[] v, double by) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += by;
        }
        return out;
    }

    private RunResult run(String policy, double[] acc, double[] act, double[] sec, String diverged, long seed) {
        List<EpochMetrics> epochs = new ArrayList<>();
        List<TracePoint> trace = new ArrayList<>();
        long samples = samplesPerEpoch;
        long batch = 0;
        for (int i = 0; i < acc.length; i++) {
            int epoch = i + 1;
            boolean warm = policy.equals("ast") && epoch <= warmup;
            double a = warm ? 1.0 : act[i];
            long trained = Math.round(samples * a);
            boolean gated = policy.equals("ast") && !warm;
            double thr = gated ? 0.5 + 0.01 * i : Double.NaN;
            double savings = 1.0 - (a * 10.0 + (1 - a) * 0.1) / 10.0;
            double s = sec[i];
            double lossOffset = policy.equals("full") ? -0.05 : policy.equals("random") ? 0.08 : 0.0;
            double loss = losses.containsKey(policy) ? losses.get(policy)[i] : 1.0 / (epoch + 1) + lossOffset;
            epochs.add(new EpochMetrics(epoch, warm ? "warmup" : policy, loss, acc[i], 0.5 / epoch, a,
                    thr, gated ? thr - 0.02 : Double.NaN, gated ? thr + 0.02 : Double.NaN, savings, s,
                    policy.equals("ast") && !warm ? s * 0.3 : 0.0, s * 0.1, s * 0.6, 0.5, samples,
                    policy.equals("ast") ? samples : 0, trained, 8, policy.equals("ast") ? astLift : 1.0));
            for (int b = 0; b < 8; b++) {
                double wobble = gated ? a + 0.01 * Math.sin(batch) : a;
                trace.add(new TracePoint(batch, epoch, wobble, gated ? a : Double.NaN, thr, 1.0 / (epoch + 1)));
                batch++;
            }
        }
        List<EvalPoint> evals = new ArrayList<>();
        double seconds = 0;
        long trainedSoFar = 0;
        for (EpochMetrics e : epochs) {
            seconds += e.trainSeconds();
            trainedSoFar += e.trainedSamples();
            evals.add(new EvalPoint(e.epoch(), 8, seconds, 0, trainedSoFar, 8L * e.epoch(), e.testAccuracy(), 100));
        }
        return RunResult.builder(Policy.parse("policy", policy)).selection(policy.equals("ast") ? "fresh" : null)
                .epochs(epochs).trace(trace, 1).diverged(diverged).seed(seed).evaluations(evals).build();
    }


    private static double[] ones(int n) {
        return fill(n, 1.0);
    }

    private static double[] fill(int n, double v) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }
}
