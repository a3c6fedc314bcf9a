package org.adaptivesparse.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.stats.PairedTest;
import org.adaptivesparse.stats.Spread;

/**
 * The side-by-side figures of a {@link Comparison}, derived from the runs alone: what only AST and its
 * controls trained on the same data, seed and initial weights can give.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /**
     * The measured comparison. With one seed, the figures of that seed; with several, each figure is
     * the median over seeds of the per-seed figure (AST against the control of the same seed), and the
     * paired tests say on how many seeds AST was ahead. AST's epoch time is the median over its epochs
     * after warmup ({@link #speedup}).
     *
     * @param hasWarmup not needed any more (the runs' epochs say which were warmup); kept for callers
     */
    public static Comparison compare(List<RunResult> runs, boolean hasWarmup, boolean hasTarget) {
        Map<Long, List<RunResult>> bySeed = bySeed(runs);
        List<Comparison> perSeed = new ArrayList<>();
        for (List<RunResult> group : bySeed.values()) {
            perSeed.add(compareOneSeed(group));
        }
        Comparison.Builder b = perSeed.size() == 1 ? perSeed.get(0).toBuilder() : Comparison.builder()
                .speedup(median(perSeed, Comparison::speedupVsFull), median(perSeed, Comparison::speedupVsRandom))
                .accuracyDelta(median(perSeed, Comparison::accuracyDeltaVsFull),
                        median(perSeed, Comparison::accuracyDeltaVsRandom))
                .backwardRatioVsFull(median(perSeed, Comparison::backwardRatioVsFull))
                .timeToTarget(median(perSeed, Comparison::timeToTargetVsRandom),
                        median(perSeed, Comparison::timeToTargetVsFull));
        return b.seeds(perSeed.size())
                .firstToTarget(hasTarget ? paired(bySeed, Policy.RANDOM, true) : null,
                        hasTarget ? paired(bySeed, Policy.FULL, true) : null)
                .accuracyVsRandom(paired(bySeed, Policy.RANDOM, false)).build();
    }

    /** The runs of each seed, in the order the seeds first appear. */
    private static Map<Long, List<RunResult>> bySeed(List<RunResult> runs) {
        Map<Long, List<RunResult>> bySeed = new LinkedHashMap<>();
        for (RunResult r : runs) {
            bySeed.computeIfAbsent(r.seed() == null ? Long.MIN_VALUE : r.seed(), k -> new ArrayList<>()).add(r);
        }
        return bySeed;
    }

    private static Double median(List<Comparison> perSeed, Function<Comparison, Double> figure) {
        double[] v = perSeed.stream().map(figure).filter(d -> d != null).mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? null : Spread.of(v).median();
    }

    /**
     * AST against a control, paired by seed: on time to target (a run that never reached it counts as
     * later than any that did; two that never reached it are left out) or on final accuracy. Null when
     * the control did not run.
     */
    private static PairedTest paired(Map<Long, List<RunResult>> bySeed, Policy control, boolean timeToTarget) {
        List<double[]> pairs = new ArrayList<>();
        for (List<RunResult> group : bySeed.values()) {
            RunResult ast = group.get(0);
            Optional<RunResult> other = group.stream().filter(r -> r.policy() == control).findFirst();
            if (other.isEmpty()) {
                return null;
            }
            pairs.add(timeToTarget ? new double[] {time(ast), time(other.get())}
                    : new double[] {ast.finalAccuracy(), other.get().finalAccuracy()});
        }
        return PairedTest.of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray(), timeToTarget);
    }

    private static double time(RunResult r) {
        return r.timeToTargetSeconds() == null ? Double.POSITIVE_INFINITY : r.timeToTargetSeconds();
    }

    /** The figures of one seed: AST (the group's first run) against the controls of the same seed. */
    private static Comparison compareOneSeed(List<RunResult> runs) {
        RunResult ast = runs.get(0);
        Optional<RunResult> full = runs.stream().filter(r -> r.policy() == Policy.FULL).findFirst();
        Optional<RunResult> random = runs.stream().filter(r -> r.policy() == Policy.RANDOM).findFirst();
        Double speedupVsFull = full.map(f -> speedup(ast, f)).orElse(null);
        Double speedupVsRandom = random.map(r -> speedup(ast, r)).orElse(null);
        Double accVsFull = full.map(f -> atEqualEpochs(ast, f)).orElse(null);
        Double accVsRandom = random.map(r -> atEqualEpochs(ast, r)).orElse(null);
        Double backward = full
                .map(f -> f.trainedSamples() == 0 ? null : (double) ast.trainedSamples() / f.trainedSamples())
                .orElse(null);
        Double tttRandom = random.map(r -> timeRatio(ast, r)).orElse(null);
        Double tttFull = full.map(f -> timeRatio(ast, f)).orElse(null);
        return Comparison.builder().speedup(speedupVsFull, speedupVsRandom).accuracyDelta(accVsFull, accVsRandom)
                .backwardRatioVsFull(backward).timeToTarget(tttRandom, tttFull).build();
    }

    /**
     * The control's median epoch seconds over AST's, AST's over its epochs after warmup (all of them
     * when there was no warmup, or nothing after it); null when undefined.
     */
    public static Double speedup(RunResult ast, RunResult control) {
        double a = ast.medianEpochSeconds(true);
        if (Double.isNaN(a)) {
            a = ast.medianEpochSeconds(false);
        }
        return ratio(control.medianEpochSeconds(false), a);
    }

    /**
     * AST's run and the control's of each seed (AST the first run of its seed), in seed order; seeds
     * where the control did not run are left out.
     */
    public static List<List<RunResult>> pairs(List<RunResult> runs, Policy control) {
        List<List<RunResult>> out = new ArrayList<>();
        for (List<RunResult> group : bySeed(runs).values()) {
            group.stream().filter(r -> r.policy() == control).findFirst()
                    .ifPresent(c -> out.add(List.of(group.get(0), c)));
        }
        return out;
    }

    /** AST's time to the target accuracy over the control's, when both reached it. */
    private static Double timeRatio(RunResult ast, RunResult control) {
        if (ast.timeToTargetSeconds() == null || control.timeToTargetSeconds() == null) {
            return null;
        }
        return ratio(ast.timeToTargetSeconds(), control.timeToTargetSeconds());
    }

    private static Double ratio(double num, double den) {
        return den > 0 && Double.isFinite(num) ? num / den : null;
    }

    /** AST's accuracy minus the control's after the last epoch both finished. */
    private static Double atEqualEpochs(RunResult ast, RunResult control) {
        int k = Math.min(ast.epochs().size(), control.epochs().size());
        if (k == 0) {
            return null;
        }
        return ast.epochs().get(k - 1).testAccuracy() - control.epochs().get(k - 1).testAccuracy();
    }
}
