package org.adaptivesparse.verdict;

import org.adaptivesparse.config.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.Violation;

/**
 * Finds runs that blew up without going NaN: a training loss that exploded, or a test accuracy
 * that stayed at chance. Applied to every result whether or not the user set thresholds, since a
 * run like that measures nothing (its savings and speedup compare a broken model with another).
 *
 * <p>The rules, for {@code C} classes (docs/gate.md, "When a run blows up"):
 * <ul>
 * <li><b>exploded</b>: an epoch's mean training loss above {@value #LOSS_FACTOR} × ln C (23.0 for
 * ten classes; a model that guesses uniformly scores ln C, and normal AST epochs, which train on
 * the hardest samples, stay near it), or above {@value #GROWTH} times the lowest earlier epoch's;
 * <li><b>at chance</b>: the final test accuracy below 1/C + {@value #CHANCE_MARGIN} (0.150 for ten
 * classes).
 * </ul>
 * A run that exploded is reported once, as exploded. Results without a class count (written
 * before it was recorded) get only the growth rule.
 */
public final class BlowUpCheck {
    /** An epoch loss above this many times ln C has exploded. */
    static final double LOSS_FACTOR = 10;
    /** An epoch loss this many times the lowest earlier epoch's has exploded. */
    static final double GROWTH = 100;
    /** Accuracy less than this above 1/C is at chance. */
    static final double CHANCE_MARGIN = 0.05;
    /** The key of the class count in {@link ExperimentResult#configuration()}. */
    public static final String CLASSES = "classes";

    private BlowUpCheck() {
    }

    /**
     * One violation per blown-up condition and seed: AST's first (naming the controls of the same seed
     * that did the same), then the controls'. With several seeds each message starts with its seed.
     */
    public static List<Violation> check(ExperimentResult result) {
        int classes = classes(result);
        Map<Long, List<RunResult>> bySeed = new LinkedHashMap<>();
        for (RunResult r : result.runs()) {
            bySeed.computeIfAbsent(r.seed() == null ? Long.MIN_VALUE : r.seed(), k -> new ArrayList<>()).add(r);
        }
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<Long, List<RunResult>> e : bySeed.entrySet()) {
            String prefix = bySeed.size() > 1 && e.getKey() != Long.MIN_VALUE ? "seed " + e.getKey() + ": " : "";
            for (Violation v : check(e.getValue(), classes)) {
                out.add(new Violation(v.metric(), v.actual(), v.limit(), prefix + v.message()));
            }
        }
        return out;
    }

    /** The rules applied to the runs of one seed. */
    private static List<Violation> check(List<RunResult> runs, int classes) {
        List<Violation> out = new ArrayList<>();
        List<Policy> exploded = new ArrayList<>();
        List<Policy> atChance = new ArrayList<>();
        RunResult ast = null;
        for (RunResult r : runs) {
            if (r.policy() == Policy.AST && ast == null) {
                ast = r;
            }
            if (r.diverged() == null && explosion(r, classes) != null) {
                exploded.add(r.policy());
            } else if (r.diverged() == null && classes >= 2 && atChance(r, classes)) {
                atChance.add(r.policy());
            }
        }
        Failures failed = new Failures(exploded, atChance);
        if (ast != null && exploded.contains(Policy.AST)) {
            out.add(exploded(runs, ast, classes, failed));
        }
        if (ast != null && atChance.contains(Policy.AST)) {
            out.add(chance(runs, ast, classes, failed));
        }
        for (RunResult r : runs) {
            if (r.policy() != Policy.AST && exploded.contains(r.policy()) && !exploded.contains(Policy.AST)) {
                out.add(exploded(runs, r, classes, failed));
            }
            if (r.policy() != Policy.AST && atChance.contains(r.policy()) && !atChance.contains(Policy.AST)) {
                out.add(chance(runs, r, classes, failed));
            }
        }
        return out;
    }

    /** The class count the result recorded, or 0 when it has none. */
    static int classes(ExperimentResult result) {
        Map<String, Object> c = result.configuration();
        return c != null && c.get(CLASSES) instanceof Number n ? (int) Math.round(n.doubleValue()) : 0;
    }

    /** The first epoch whose loss broke a rule, with the limit it broke; null when none did. */
    private static Explosion explosion(RunResult r, int classes) {
        double lowest = Double.POSITIVE_INFINITY;
        int lowestEpoch = 0;
        double absolute = classes >= 2 ? LOSS_FACTOR * Math.log(classes) : Double.POSITIVE_INFINITY;
        for (EpochMetrics e : r.epochs()) {
            double loss = e.trainLoss();
            if (loss > absolute) {
                return new Explosion(e, loss, absolute, "above " + (int) LOSS_FACTOR + " x ln " + classes + " = " + num(absolute));
            }
            if (loss > GROWTH * lowest) {
                return new Explosion(e, loss, GROWTH * lowest, "above " + (int) GROWTH + " x epoch " + lowestEpoch
                        + "'s " + num(lowest));
            }
            if (loss < lowest) {
                lowest = loss;
                lowestEpoch = e.epoch();
            }
        }
        return null;
    }

    private static boolean atChance(RunResult r, int classes) {
        double acc = r.finalAccuracy();
        return !r.epochs().isEmpty() && acc < 1.0 / classes + CHANCE_MARGIN - Fmt.EPS;
    }

    private static Violation exploded(List<RunResult> result, RunResult r, int classes, Failures all) {
        Explosion x = explosion(r, classes);
        String acc = Double.isNaN(r.finalAccuracy()) ? "" : ", test accuracy " + Fmt.ratio(r.finalAccuracy());
        return new Violation("trainLossExploded", x.loss, x.limit, who(r) + "'s training loss exploded: "
                + num(x.loss) + " at epoch " + x.epoch.epoch() + " (" + x.rule + ")" + acc + "; "
                + others(result, r, all.exploded(), all) + "; lower learningRate");
    }

    private static Violation chance(List<RunResult> result, RunResult r, int classes, Failures all) {
        double chance = 1.0 / classes;
        return new Violation("accuracyAtChance", r.finalAccuracy(), chance + CHANCE_MARGIN, who(r) + "'s test accuracy "
                + Fmt.ratio(r.finalAccuracy()) + " is at chance level for " + classes + " classes (below 1/" + classes + " + "
                + Fmt.ratio(CHANCE_MARGIN) + " = " + Fmt.ratio(chance + CHANCE_MARGIN) + " after " + r.epochs().size()
                + " epoch(s)); " + others(result, r, all.atChance(), all) + "; "
                + (all.count(result) == result.size() ? "lower learningRate, raise epochs or check the data"
                        : "the data can be learnt, so look at this policy"));
    }

    /**
     * What the other runs did: "the full control did the same (accuracy 0.117), the random control did not
     * (...)", or, when another run failed the other way, "AST's training loss exploded (accuracy 0.095)".
     */
    private static String others(List<RunResult> result, RunResult r, List<Policy> same, Failures all) {
        List<String> parts = new ArrayList<>();
        for (RunResult o : result) {
            if (o == r) {
                continue;
            }
            String did = same.contains(o.policy()) ? " did the same"
                    : all.exploded().contains(o.policy()) ? "'s training loss exploded"
                    : all.atChance().contains(o.policy()) ? " ended at chance level" : " did not";
            parts.add(who(o) + did + " (accuracy " + Fmt.ratio(o.finalAccuracy()) + ")");
        }
        return parts.isEmpty() ? "no control ran" : String.join(", ", parts);
    }

    private static String who(RunResult r) {
        return r.policy() == Policy.AST ? "AST" : "the " + r.policy() + " control";
    }

    /** A loss: {@code 5.8e+07}, {@code 23.0}, {@code 0.445}. */
    static String num(double v) {
        if (Math.abs(v) >= 1e4) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        if (Math.abs(v) >= 1) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private record Explosion(EpochMetrics epoch, double loss, double limit, String rule) {
    }

    /** The policies of one seed whose training loss exploded, and those that ended at chance. */
    private record Failures(List<Policy> exploded, List<Policy> atChance) {
        long count(List<RunResult> runs) {
            return runs.stream().filter(r -> exploded.contains(r.policy()) || atChance.contains(r.policy())).count();
        }
    }
}
