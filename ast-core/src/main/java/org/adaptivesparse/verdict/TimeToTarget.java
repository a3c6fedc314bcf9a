package org.adaptivesparse.verdict;

import java.util.List;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.EvalPoint;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.stats.Spread;

/**
 * The check of {@link Figures#TIME_TO_TARGET}, whose messages say which policy reached the target
 * and when: a policy that never reached it has no time to compare, so AST not reaching it (on the
 * median seed) is a violation that says so, and the control not reaching it while AST did is a pass.
 */
final class TimeToTarget {
    private static final String SUGGESTION = "; raise epochs or lower targetAccuracy";

    private TimeToTarget() {
    }

    /**
     * AST's time to target over the control's, per seed: +Infinity where AST never reached it (or
     * neither did), 0 where only AST did. The median of these is what the limit holds.
     */
    static Spread ratios(ExperimentResult result, Policy control) {
        List<RunResult> asts = result.runs(Policy.AST);
        List<RunResult> others = result.runs(control);
        double[] ratios = new double[Math.min(asts.size(), others.size())];
        for (int i = 0; i < ratios.length; i++) {
            Double a = asts.get(i).timeToTargetSeconds();
            Double o = others.get(i).timeToTargetSeconds();
            ratios[i] = a == null ? Double.POSITIVE_INFINITY : o == null ? 0 : a / o;
        }
        return Spread.of(ratios);
    }

    static Check check(LimitCheck.Context ctx, ExperimentResult result, Limit limit) {
        String name = limit.name();
        Policy control = limit.policy();
        String metric = limit.figure().metric(control);
        double max = limit.value();
        Double target = ctx.targetAccuracy();
        RunResult other = result.run(control).orElse(null);
        if (target == null || other == null) {
            return LimitCheck.broken(limit, metric, Double.NaN, "time to target vs " + control + " is unavailable: "
                    + (target == null ? "no targetAccuracy is set" : "no " + control + " control ran")
                    + "; set it or remove " + name);
        }
        int seeds = result.seedCount();
        Spread ratios = ratios(result, control);
        RunResult ast = result.ast();
        if (seeds == 1) {
            if (ast.timeToTargetSeconds() == null) {
                double best = ast.evaluations().stream().mapToDouble(EvalPoint::accuracy).max()
                        .orElse(ast.finalAccuracy());
                return LimitCheck.broken(limit, metric, Double.NaN, "AST did not reach targetAccuracy "
                        + Fmt.ratio(target) + " within its " + ast.epochs().size() + " epoch(s) (best "
                        + Fmt.ratio(best) + (other.timeToTargetSeconds() == null ? "; " + control + " did not either"
                                : "; " + control + " did in " + Fmt.seconds(other.timeToTargetSeconds()))
                        + "), so " + name + " cannot hold" + SUGGESTION);
            }
            if (other.timeToTargetSeconds() != null && ratios.median() > max + Fmt.EPS) {
                return LimitCheck.broken(limit, metric, ratios.median(), "AST reached targetAccuracy "
                        + Fmt.ratio(target) + " after " + Fmt.seconds(ast.timeToTargetSeconds()) + " of training, "
                        + Fmt.speedup(ratios.median()) + " " + control + "'s "
                        + Fmt.seconds(other.timeToTargetSeconds()) + "; " + name + " is " + Fmt.speedup(max)
                        + " (work to target: ast " + ast.samplesToTarget() + " trained samples, " + control + " "
                        + other.samplesToTarget() + ")");
            }
            return held(limit, metric, ratios, result, control);
        }
        if (Double.isInfinite(ratios.median())) {
            long missed = result.runs(Policy.AST).stream().filter(r -> r.timeToTargetSeconds() == null).count();
            return LimitCheck.broken(limit, metric, Double.NaN, "AST did not reach targetAccuracy "
                    + Fmt.ratio(target) + " on " + missed + " of " + seeds + " seeds within "
                    + ast.epochs().size() + " epoch(s), so the median time to target is undefined and "
                    + name + " cannot hold" + SUGGESTION);
        }
        if (ratios.median() <= max + Fmt.EPS) {
            return held(limit, metric, ratios, result, control);
        }
        int ahead = 0;
        for (int i = 0; i < ratios.n(); i++) {
            Double a = result.runs(Policy.AST).get(i).timeToTargetSeconds();
            Double o = result.runs(control).get(i).timeToTargetSeconds();
            if (a != null && (o == null || a < o)) {
                ahead++;
            }
        }
        return LimitCheck.broken(limit, metric, ratios.median(), "AST's time to targetAccuracy "
                + Fmt.ratio(target) + " is " + Fmt.speedup(ratios.median()) + " " + control + "'s, the median of "
                + seeds + " seeds (" + Fmt.speedup(ratios.min()) + " to " + Fmt.speedup(ratios.max())
                + "; AST first on " + ahead + " of " + seeds + "); " + name + " is " + Fmt.speedup(max));
    }

    private static Check held(Limit limit, String metric, Spread ratios, ExperimentResult result, Policy control) {
        if (ratios.median() == 0) {
            return LimitCheck.held(limit, metric, Double.NaN, "AST reached targetAccuracy"
                    + (result.seedCount() > 1 ? " on most seeds"
                            : " in " + Fmt.seconds(result.ast().timeToTargetSeconds()))
                    + "; " + control + " did not");
        }
        return LimitCheck.held(limit, metric, ratios.median(), "time to target "
                + Fmt.speedup(ratios.median()) + " " + control + "'s"
                + (result.seedCount() > 1 ? " (median of " + ratios.n() + " seeds)" : "")
                + " is within " + limit.name() + " " + Fmt.speedup(limit.value()));
    }
}
