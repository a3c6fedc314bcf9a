package org.adaptivesparse.verdict;

import org.adaptivesparse.config.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.result.BaselineComparison;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.Detectable;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.SettingValues;
import org.adaptivesparse.result.Violation;
import org.adaptivesparse.stats.DetectableDrop;
import org.adaptivesparse.stats.Spread;

/**
 * Compares a result with its experiment's entry in the baseline file. A baseline that is missing
 * or not comparable is a violation too: a silently skipped check is worse than a failing one.
 */
public final class BaselineCheck {
    private static final String CREATE = "mvn ast:baseline (or Baseline.write) from an accepted run";

    private BaselineCheck() {
    }

    /**
     * What the comparison found and which rules it broke.
     *
     * @param comparison for the report
     * @param violations regressions beyond tolerance, or the reason no comparison was possible
     * @param checks     every baseline rule applied, held or not; a broken one carries its violation's message
     */
    public record Outcome(BaselineComparison comparison, List<Violation> violations, List<Check> checks) {
        public Outcome {
            violations = List.copyOf(violations);
            checks = checks == null
                    ? violations.stream().map(v -> new Check(Check.BASELINE, "baselineFile", v.metric(), v.actual(),
                            v.limit(), true, false, v.message())).toList()
                    : List.copyOf(checks);
        }

        /** An outcome whose only checks are its violations (no comparison was possible). */
        public Outcome(BaselineComparison comparison, List<Violation> violations) {
            this(comparison, violations, null);
        }
    }

    /**
     * {@link #compare(BaselineRules, ExperimentResult)} with the default lift and same-environment
     * tolerances.
     */
    public static Outcome compare(Path file, ExperimentResult current, double maxAccuracyDrop, double maxSavingsDrop,
            double maxSpeedupDrop) {
        return compare(new BaselineRules(file, maxAccuracyDrop, maxSavingsDrop, maxSpeedupDrop), current);
    }

    /**
     * Compares {@code current} with the baseline entry of its experiment. The rule, as the README
     * states it: a figure regressed when its mean over the current seeds is below the baseline seeds'
     * mean by more than the larger of its tolerance and the detectable drop (the one-sided t bound at 95 %
     * on the two groups of seeds, so the seeds' own noise alone raises an alarm at most one time in twenty);
     * in the environment the baseline was made in, with one libtorch thread, every seed must also
     * reproduce its accuracy within {@code sameEnvironmentTolerance}, in either direction; and the
     * work every policy did (samples seen, and the controls' samples trained) must equal the
     * baseline's, since it depends on the settings alone.
     *
     * @throws org.adaptivesparse.result.AstFileException when the baseline file exists but is malformed
     */
    public static Outcome compare(BaselineRules rules, ExperimentResult current) {
        Path file = rules.file();
        String where = file.toString();
        if (!Files.exists(file)) {
            String msg = "baseline file " + where + " does not exist; create it with " + CREATE;
            return missing(where, msg);
        }
        Baseline baseline = Baseline.read(file);
        Baseline.Entry entry = baseline.entry(current.name()).orElse(null);
        if (entry == null) {
            String msg = "baseline file " + where + " has no entry for experiment '" + current.name() + "' (it has: "
                    + (baseline.experiments().isEmpty() ? "none" : String.join(", ", baseline.experiments().keySet()))
                    + "); create it with " + CREATE;
            return missing(where, msg);
        }
        List<String> diffs = SettingValues.differences(entry.settings(), current.settings());
        if (!diffs.isEmpty()) {
            String reason = "settings differ (" + String.join("; ", diffs) + ")";
            String msg = "baseline " + where + " for experiment '" + current.name() + "' is not comparable: " + reason
                    + "; regenerate it with ast:baseline (or Baseline.write) from an accepted run";
            return new Outcome(new BaselineComparison(where, BaselineComparison.NOT_COMPARABLE, reason, List.of()),
                    List.of(new Violation("baseline", Double.NaN, Double.NaN, msg)));
        }
        return new Comparing(rules, current, entry).run();
    }

    /** One comparison's working state: the deltas, violations and checks it collects. */
    private static final class Comparing {
        private final BaselineRules rules;
        private final ExperimentResult current;
        private final Baseline.Entry entry;
        private final List<Baseline.SeedFigures> base;
        private final String where;
        private final List<BaselineComparison.Delta> deltas = new ArrayList<>();
        private final List<Violation> violations = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private Environments env;

        Comparing(BaselineRules rules, ExperimentResult current, Baseline.Entry entry) {
            this.rules = rules;
            this.current = current;
            this.entry = entry;
            this.base = entry.seeds();
            this.where = rules.file().toString();
        }

        Outcome run() {
            env = Environments.of(entry.environment(), current.environment());
            noiseAware("accuracy", "maxAccuracyDrop", "accuracy", rules.maxAccuracyDrop(), RunResult::finalAccuracy,
                    Baseline.SeedFigures::accuracy);
            if (env.deterministic()) {
                reproduces(rules.sameEnvironmentTolerance());
            }
            // Activation has no tolerance of its own: maxActivationError guards it against the target.
            deltas.add(new BaselineComparison.Delta("activation", entry.activation(),
                    current.spread(Policy.AST, RunResult::activationRate).median(), false, false,
                    "not compared (see maxActivationError)"));
            noiseAware("modeledSavings", "maxSavingsDrop", "modeled savings", rules.maxSavingsDrop(),
                    RunResult::modeledSavings, Baseline.SeedFigures::modeledSavings);
            selectionLift();
            speedup();
            Double delta = current.comparison() == null ? null : current.comparison().accuracyDeltaVsFull();
            if (entry.accuracyDeltaVsFull() != null && delta != null) {
                deltas.add(new BaselineComparison.Delta("accuracyDeltaVsFull", entry.accuracyDeltaVsFull(), delta,
                        true, false, "not compared (see maxAccuracyDropVsFull)"));
            }
            work();
            return new Outcome(new BaselineComparison(where, BaselineComparison.COMPARED, env.note(rules), deltas),
                    violations, checks);
        }

        /**
         * Regressed when the mean over this run's seeds is below the baseline seeds' mean by more than the
         * larger of {@code tol} and the comparison's detectable drop (the one-sided t bound on the two
         * groups of seeds): a drop beyond the tolerance that the seeds' own noise does not explain. With one
         * seed on each side, the plain "drop at most tol" of older versions.
         */
        private void noiseAware(String metric, String rule, String words, double tol,
                java.util.function.ToDoubleFunction<RunResult> figure,
                java.util.function.ToDoubleFunction<Baseline.SeedFigures> baseFigure) {
            double[] before = base.stream().mapToDouble(baseFigure).toArray();
            double[] is = current.runs(Policy.AST).stream().mapToDouble(figure).toArray();
            // in the baseline's own environment the exact rule holds every seed's accuracy to its tolerance
            Detectable d = !env.deterministic() ? Sight.twoSample(metric, Detectable.RATIO, before, is, tol, rule)
                    : metric.equals("accuracy") ? Sight.exact(before, is, rules.sameEnvironmentTolerance())
                    : Sight.reproducing(metric, Detectable.RATIO, before, is, tol, rule);
            Spread was = Spread.of(before);
            Spread now = Spread.of(is);
            Floor f = Floor.of(DetectableDrop.mean(before), DetectableDrop.mean(is), tol, d);
            boolean spread = was.n() > 1 || now.n() > 1;
            deltas.add(new BaselineComparison.Delta(metric, f.was(), f.now(), true, f.bad(), spread
                    ? "mean at least the baseline's mean " + Fmt.ratio(f.was()) + " − " + f.allowedText(rule, Fmt::ratio)
                    : "drop at most " + Fmt.ratio(tol)));
            String message;
            if (f.bad() && !spread) {
                message = words + " " + Fmt.ratio(f.now()) + " regressed from baseline " + Fmt.ratio(f.was()) + " by "
                        + Fmt.ratio(f.was() - f.now()) + ", more than " + rule + " " + Fmt.ratio(tol) + " (" + where
                        + ")";
            } else if (f.bad()) {
                message = words + " " + seeds(f.now(), now, Fmt::ratio) + " fell " + Fmt.ratio(f.was() - f.now())
                        + " below the baseline's mean " + Fmt.ratio(f.was()) + " (" + range(was, Fmt::ratio) + "), more than "
                        + f.beyondText(rule, Fmt::ratio) + " (" + where + ")";
            } else {
                message = words + " " + seeds(f.now(), now, Fmt::ratio) + " against the baseline's mean "
                        + Fmt.ratio(f.was()) + ": drop " + Fmt.ratio(Math.max(0, f.was() - f.now())) + " within "
                        + f.allowedText(rule, Fmt::ratio);
            }
            if (f.bad()) {
                violations.add(new Violation(metric, f.now(), tol, message));
            }
            checks.add(check(rule, metric, f.now(), f.floor(), !f.bad(), message, d));
        }

        /** Every seed in both must reproduce its accuracy within {@code tol}, either way. */
        private void reproduces(double tol) {
            List<String> moved = new ArrayList<>();
            double worst = 0;
            for (RunResult r : current.runs(Policy.AST)) {
                for (Baseline.SeedFigures b : base) {
                    if (b.seed() != null && b.seed().equals(r.seed())) {
                        double d = r.finalAccuracy() - b.accuracy();
                        deltas.add(new BaselineComparison.Delta("accuracySeed" + r.seed(), b.accuracy(),
                                r.finalAccuracy(), true, !(Math.abs(d) <= tol + Fmt.EPS),
                                "either way at most " + Fmt.ratio(tol) + " (same environment)"));
                        if (!(Math.abs(d) <= tol + Fmt.EPS)) {
                            moved.add("seed " + r.seed() + " " + Fmt.ratio(b.accuracy()) + " → "
                                    + Fmt.ratio(r.finalAccuracy()) + " (" + (d >= 0 ? "+" : "") + Fmt.ratio(d) + ")");
                        }
                        worst = Math.max(worst, Math.abs(d));
                    }
                }
            }
            String message;
            if (moved.isEmpty()) {
                message = "every seed's accuracy reproduces the baseline within sameEnvironmentTolerance "
                        + Fmt.ratio(tol) + " (largest change " + Fmt.ratio(worst) + ")";
            } else {
                message = "accuracy changed in the baseline's own environment, where runs reproduce: "
                        + String.join(", ", moved) + ", more than sameEnvironmentTolerance " + Fmt.ratio(tol)
                        + " either way; the engine's behaviour changed (if on purpose, regenerate the baseline with "
                        + "mvn ast:baseline) (" + where + ")";
                violations.add(new Violation("accuracy", worst, tol, message));
            }
            checks.add(new Check(Check.BASELINE, "sameEnvironmentTolerance", "accuracy", worst, tol, false,
                    moved.isEmpty(), message, Sight.exact(base.stream().mapToDouble(Baseline.SeedFigures::accuracy)
                            .toArray(), current.runs(Policy.AST).stream().mapToDouble(RunResult::finalAccuracy)
                            .toArray(), tol)));
        }

        private void selectionLift() {
            double[] was = base.stream().map(Baseline.SeedFigures::selectionLift).filter(v -> v != null)
                    .mapToDouble(Double::doubleValue).toArray();
            double[] is = current.runs(Policy.AST).stream().mapToDouble(RunResult::finalSelectionLift)
                    .filter(Double::isFinite).toArray();
            if (was.length == 0 || is.length == 0) {
                return;
            }
            double rel = rules.maxSelectionLiftDrop();
            double wasMean = DetectableDrop.mean(was);
            // the tolerance is relative to the baseline's mean: in lift units it is rel x that mean
            String named = "maxSelectionLiftDrop " + Fmt.ratio(rel) + " x " + Fmt.twoDecimals(wasMean) + " =";
            Detectable d = env.deterministic()
                    ? Sight.reproducing("selectionLift", Detectable.LIFT, was, is, rel * wasMean, named)
                    : Sight.twoSample("selectionLift", Detectable.LIFT, was, is, rel * wasMean, named);
            Floor f = Floor.of(wasMean, DetectableDrop.mean(is), rel * wasMean, d);
            String tolText = f.noiseWider() ? "its detectable drop " + f.drop() + " (larger than"
                    + " maxSelectionLiftDrop " + Fmt.ratio(rel) + " of it)" : "maxSelectionLiftDrop " + Fmt.ratio(rel)
                    + " of it";
            deltas.add(new BaselineComparison.Delta("selectionLift", f.was(), f.now(), true, f.bad(),
                    "at least the baseline's mean " + Fmt.twoDecimals(f.was()) + " less " + tolText));
            String nowText = seeds(f.now(), Spread.of(is), Fmt::twoDecimals);
            String message = f.bad()
                    ? "selection lift " + nowText + " fell below " + Fmt.twoDecimals(f.floor()) + ", the baseline's mean "
                            + Fmt.twoDecimals(f.was()) + " (" + range(Spread.of(was), Fmt::twoDecimals) + ") less "
                            + tolText
                            + ": AST's trained samples no longer have the high losses they had (random selection gets"
                            + " about 1.00); check the scorer (" + where + ")"
                    : "selection lift " + nowText + " against the baseline's mean " + Fmt.twoDecimals(f.was())
                            + ": at least " + Fmt.twoDecimals(f.floor()) + " (the baseline's mean less " + tolText + ")";
            if (f.bad()) {
                violations.add(new Violation("selectionLift", f.now(), rel, message));
            }
            checks.add(check("maxSelectionLiftDrop", "selectionLift", f.now(), f.floor(), !f.bad(), message, d));
        }

        private void speedup() {
            Double speedup = current.comparison() == null ? null : current.comparison().speedupVsFull();
            if (entry.speedupVsFull() == null || speedup == null) {
                return;
            }
            double tol = rules.maxSpeedupDrop();
            double base = entry.speedupVsFull();
            double relDrop = base == 0 ? 0 : (base - speedup) / base;
            boolean bad = !(relDrop <= tol + Fmt.EPS);
            deltas.add(new BaselineComparison.Delta("speedupVsFull", base, speedup, true, bad,
                    "relative drop at most " + Fmt.ratio(tol)));
            String message = bad
                    ? "measured speedup " + Fmt.speedup(speedup) + " regressed from baseline " + Fmt.speedup(base)
                            + " by " + Fmt.ratio(relDrop) + " (relative), more than maxSpeedupDrop " + Fmt.ratio(tol)
                            + " (" + where + ")"
                    : "measured speedup " + Fmt.speedup(speedup) + " against baseline " + Fmt.speedup(base)
                            + ": relative drop " + Fmt.ratio(relDrop) + " within maxSpeedupDrop " + Fmt.ratio(tol);
            if (bad) {
                violations.add(new Violation("speedupVsFull", speedup, tol, message));
            }
            // the baseline records its median speedup only: its seeds are taken to spread as this run's do
            double[] now = Figures.pairedValues(current, Policy.FULL, org.adaptivesparse.result.Comparisons::speedup);
            Detectable d = Sight.twoSample("speedupVsFull", Detectable.FACTOR, new double[] {base}, now,
                    Math.max(1, this.base.size()), org.adaptivesparse.stats.DetectableDrop.sd(now), tol * base,
                    "maxSpeedupDrop " + Fmt.ratio(tol) + " x " + Fmt.speedup(base) + " =");
            checks.add(check("maxSpeedupDrop", "speedupVsFull", speedup, base * (1 - tol), !bad, message, d));
        }

        /**
         * Samples seen by every policy, and trained by the controls, follow from the settings alone; with
         * equal settings a difference means the engine trains a different amount of data.
         */
        private void work() {
            // "AST saw 18,048 samples (baseline 36,000)" -> the seeds it happened on, in order
            java.util.Map<String, List<Long>> changed = new java.util.LinkedHashMap<>();
            boolean compared = false;
            long seenBefore = 0;
            long seenNow = 0;
            for (Baseline.SeedFigures b : base) {
                if (b.seed() == null || b.samplesSeen() == null) {
                    continue;
                }
                for (Policy policy : current.policies()) {
                    RunResult r = current.runs(policy).stream().filter(x -> b.seed().equals(x.seed())).findFirst()
                            .orElse(null);
                    Long seen = b.samplesSeen().get(policy.id());
                    if (r == null || seen == null) {
                        continue;
                    }
                    compared = true;
                    seenBefore += seen;
                    seenNow += r.samples();
                    String who = policy == Policy.AST ? "AST" : policy.id();
                    if (r.samples() != seen) {
                        changed.computeIfAbsent(who + " saw " + Fmt.count(r.samples()) + " samples (baseline "
                                + Fmt.count(seen) + ")", k -> new ArrayList<>()).add(b.seed());
                    }
                    Long trained = b.trainedSamples() == null ? null : b.trainedSamples().get(policy.id());
                    if (policy != Policy.AST && trained != null && r.trainedSamples() != trained) {
                        changed.computeIfAbsent(who + " trained " + Fmt.count(r.trainedSamples()) + " (baseline "
                                + Fmt.count(trained) + ")", k -> new ArrayList<>()).add(b.seed());
                    }
                }
            }
            if (!compared) {
                return;
            }
            deltas.add(new BaselineComparison.Delta("samplesSeen", seenBefore, seenNow, true, seenBefore != seenNow,
                    "equal: the work follows from the settings"));
            List<String> lines = new ArrayList<>();
            changed.forEach((what, seeds) -> lines.add(what + " on seed" + (seeds.size() == 1 ? " " : "s ")
                    + seeds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))));
            String message = lines.isEmpty()
                    ? "every policy saw, and every control trained, as many samples as in the baseline"
                    : "the work done changed with unchanged settings: " + String.join("; ", lines)
                            + "; the engine now trains a different amount of data (" + where + ")";
            if (!lines.isEmpty()) {
                violations.add(new Violation("work", lines.size(), 0, message));
            }
            checks.add(new Check(Check.BASELINE, "work", "samples", lines.size(), 0, false, lines.isEmpty(), message));
        }
    }

    /**
     * The noise-aware floor: the baseline seeds' mean less the larger of the tolerance and the detectable
     * drop (the tolerance alone when the seeds give no estimate of their noise).
     */
    private record Floor(double was, double now, double tolerance, Detectable sight) {
        static Floor of(double was, double now, double tolerance, Detectable d) {
            return new Floor(was, now, tolerance, d);
        }

        double detectable() {
            return sight.drop();
        }

        /** True when the seeds' noise, not the tolerance, sets the floor. */
        boolean noiseWider() {
            return !Double.isNaN(detectable()) && detectable() > tolerance + Fmt.EPS;
        }

        double allowed() {
            return noiseWider() ? detectable() : tolerance;
        }

        double floor() {
            return was - allowed();
        }

        boolean bad() {
            return !(now >= floor() - Fmt.EPS);
        }

        /** The detectable drop, one digit finer when it would print as its tolerance. */
        String drop() {
            return sight.formatDrop(detectable());
        }

        String allowedText(String rule, java.util.function.DoubleFunction<String> fmt) {
            return noiseWider() ? drop() + " (the detectable drop, larger than " + rule + " "
                    + fmt.apply(tolerance) + ")" : rule + " " + fmt.apply(tolerance);
        }

        String beyondText(String rule, java.util.function.DoubleFunction<String> fmt) {
            return noiseWider() ? "the detectable drop " + drop() + " (which is larger than " + rule + " "
                    + fmt.apply(tolerance) + "): the seeds' own noise does not explain it"
                    : rule + " " + fmt.apply(tolerance) + (Double.isNaN(detectable()) ? ""
                            : ", and more than the seeds' own noise explains (detectable drop " + drop() + ")");
        }
    }

    /** {@code 0.825 (mean of 3 seeds, 0.800 to 0.830)}, or the bare value for one seed. */
    private static String seeds(double mean, Spread s, java.util.function.DoubleFunction<String> fmt) {
        return fmt.apply(mean) + (s.n() > 1 ? " (mean of " + range(s, fmt) + ")" : "");
    }

    /** {@code 3 seeds, 0.800 to 0.830}, or {@code 2 seeds, each 2.00}. */
    private static String range(Spread s, java.util.function.DoubleFunction<String> fmt) {
        String lo = fmt.apply(s.min());
        String hi = fmt.apply(s.max());
        return s.n() + " seed" + (s.n() == 1 ? "" : "s") + (lo.equals(hi) ? ", each " + lo : ", " + lo + " to " + hi);
    }

    /**
     * The noise-aware rule alone, as it judges a figure across environments: whether a change from the
     * baseline's seeds to this run's is a regression beyond {@code tolerance} and beyond the seeds' noise.
     */
    static boolean regressesAcrossEnvironments(double[] baseline, double[] current, double tolerance) {
        Detectable d = Sight.twoSample("accuracy", Detectable.RATIO, baseline, current, tolerance, "tolerance");
        return Floor.of(DetectableDrop.mean(baseline), DetectableDrop.mean(current), tolerance, d).bad();
    }

    private static Check check(String rule, String metric, double value, double lowest, boolean held, String message,
            Detectable detectable) {
        return new Check(Check.BASELINE, rule, metric, value, lowest, true, held, message, detectable);
    }

    private static String last(List<Violation> violations) {
        return violations.get(violations.size() - 1).message();
    }

    private static Outcome missing(String where, String msg) {
        return new Outcome(new BaselineComparison(where, BaselineComparison.MISSING, msg, List.of()),
                List.of(new Violation("baseline", Double.NaN, Double.NaN, msg)));
    }
}
