package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.Check;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.stats.Spread;

/**
 * A figure a limit may hold, declared once in {@link Figures}: its name, how to read it seed by seed
 * from a result, its format and the words of its messages. A figure is either a policy's own
 * ({@code accuracy}, read from each seed's run of the policy) or AST's against a control
 * ({@code timeToTarget} as {@code timeToTargetVsRandom}, paired by seed). {@link LimitCheck} checks every
 * limit the same way; a figure whose messages cannot follow the common pattern supplies its own check.
 */
public final class Figure {
    /** How a figure's values are printed. */
    public enum Unit {
        /** Three decimals: {@code 0.850}. */
        RATIO,
        /** A factor: {@code 1.42x}. */
        FACTOR,
        /** Two decimals: {@code 1.85}. */
        LIFT;

        String format(double v) {
            return switch (this) {
                case RATIO -> Fmt.ratio(v);
                case FACTOR -> Fmt.speedup(v);
                case LIFT -> Fmt.twoDecimals(v);
            };
        }
    }

    /** The values of a figure over seeds, for a policy (or, for a figure against a control, that control). */
    @FunctionalInterface
    public interface Reader {
        Spread read(LimitCheck.Context ctx, ExperimentResult result, Policy policy);
    }

    /** Words a broken limit's message adds after the limit: {@code " (epoch 3 of 3)"}; empty for none. */
    @FunctionalInterface
    public interface Detail {
        String of(LimitCheck.Context ctx, ExperimentResult result, Limit limit, Spread values);
    }

    /** Why a figure cannot be read from a result, as the whole message, or empty when it can. */
    @FunctionalInterface
    public interface Unavailable {
        Optional<String> of(LimitCheck.Context ctx, ExperimentResult result, Limit limit, Spread values);
    }

    /** The values of a figure against a control, one per seed both ran, for its detectable change. */
    @FunctionalInterface
    public interface PairedValues {
        double[] read(ExperimentResult result, Policy control);
    }

    /** A figure's own check, for one whose messages do not follow the common pattern. */
    @FunctionalInterface
    public interface OwnCheck {
        Check check(LimitCheck.Context ctx, ExperimentResult result, Limit limit);
    }

    /**
     * A flat option that is a short form of a limit on this figure: {@code minAccuracy 0.85} is
     * {@code accuracy >= 0.85}.
     *
     * @param option  the option
     * @param policy  the policy, or for a figure against a control the control
     * @param atLeast true for a minimum
     */
    public record ShortForm(Option<Double> option, Policy policy, boolean atLeast) {
    }

    private final String name;
    private final boolean versus;
    private final Unit unit;
    private final Reader reader;
    private Function<Policy, String> label;
    private Function<Policy, String> metric;
    private boolean seedCountOnly;
    private boolean emptyHolds;
    private Detail detail = (c, r, l, v) -> "";
    private String advice;
    private Unavailable unavailable = (c, r, l, v) -> Optional.empty();
    private OwnCheck own;
    private PairedValues paired;
    private final List<ShortForm> shortForms = new ArrayList<>();

    private Figure(String name, boolean versus, Unit unit, Reader reader) {
        this.name = name;
        this.versus = versus;
        this.unit = unit;
        this.reader = reader;
        this.label = p -> p == Policy.AST ? name : p.id() + " " + name;
        this.metric = p -> versus ? name + "Vs" + capitalized(p) : p == Policy.AST ? name : p.id() + "." + name;
    }

    /** A policy's own figure, read from each seed's run; a limit names it {@code [policy.]name}. */
    static Figure ofPolicy(String name, Unit unit, Reader reader) {
        return new Figure(name, false, unit, reader);
    }

    /** AST against a control, seed by seed; a limit names it {@code nameVsControl}, {@code timeToTargetVsRandom}. */
    static Figure versusControl(String name, Unit unit, Reader reader) {
        return new Figure(name, true, unit, reader);
    }

    /** The words messages use for the figure of {@code policy} (or against that control): {@code modeled savings}. */
    Figure label(Function<Policy, String> label) {
        this.label = label;
        return this;
    }

    /** The words messages use for AST's figure; another policy's is prefixed with its id. */
    Figure label(String words) {
        return label(p -> versus ? words + " vs " + p.id() : p == Policy.AST ? words : p.id() + " " + words);
    }

    /** The metric name checks and violations record, where it differs from the limit name. */
    Figure metric(Function<Policy, String> metric) {
        this.metric = metric;
        return this;
    }

    /** Messages say over how many seeds, {@code (median of 3 seeds)}, without the range. */
    Figure seedCountOnly() {
        this.seedCountOnly = true;
        return this;
    }

    /** With no value on any seed the limit holds (there was nothing it applies to). */
    Figure emptyHolds() {
        this.emptyHolds = true;
        return this;
    }

    /** What a broken limit's message adds after the limit, and the advice after {@code ;}. */
    Figure broken(Detail detail, String advice) {
        this.detail = detail;
        this.advice = advice;
        return this;
    }

    /** When the figure cannot be read, the whole message of the broken limit. */
    Figure unavailable(Unavailable unavailable) {
        this.unavailable = unavailable;
        return this;
    }

    /**
     * The per-seed values of this figure against a control, so its checks state how large a change the
     * seeds can tell from noise (a one-sided paired t bound).
     */
    Figure paired(PairedValues paired) {
        this.paired = paired;
        return this;
    }

    /** Checks limits on this figure with {@code own} instead of the common pattern. */
    Figure check(OwnCheck own) {
        this.own = own;
        return this;
    }

    /** Declares a flat option as a short form of a limit on this figure. */
    Figure shortForm(Option<Double> option, Policy policy, boolean atLeast) {
        shortForms.add(new ShortForm(option, policy, atLeast));
        return this;
    }

    /** The name limits use: {@code accuracy}; for a figure against a control, the part before {@code Vs}. */
    public String name() {
        return name;
    }

    /** The name a limit writes for this figure of (or against) {@code policy}: {@code timeToTargetVsRandom}. */
    public String nameFor(Policy policy) {
        return versus ? name + "Vs" + capitalized(policy) : name;
    }

    /** True for AST's figure against a control, false for a policy's own. */
    public boolean versus() {
        return versus;
    }

    public Unit unit() {
        return unit;
    }

    public List<ShortForm> shortForms() {
        return List.copyOf(shortForms);
    }

    String label(Policy policy) {
        return label.apply(policy);
    }

    String metric(Policy policy) {
        return metric.apply(policy);
    }

    Spread read(LimitCheck.Context ctx, ExperimentResult result, Policy policy) {
        return reader.read(ctx, result, policy);
    }

    /** The limit's check: held or not, with its message. */
    Check check(LimitCheck.Context ctx, ExperimentResult result, Limit limit) {
        if (own != null) {
            return own.check(ctx, result, limit);
        }
        Spread values = read(ctx, result, limit.policy());
        String metricName = metric(limit.policy());
        org.adaptivesparse.result.Detectable seen = paired == null || values.n() == 0 ? null
                : Sight.paired(nameFor(limit.policy()), label(limit.policy()), unitName(),
                        paired.read(result, limit.policy()));
        Optional<String> missing = unavailable.of(ctx, result, limit, values);
        if (missing.isPresent()) {
            return LimitCheck.broken(limit, metricName, Double.NaN, missing.get());
        }
        double x = limit.aggregate().of(values);
        boolean held = values.n() == 0 && emptyHolds
                || (limit.atLeast() ? x >= limit.value() - Fmt.EPS : x <= limit.value() + Fmt.EPS);
        String head = label(limit.policy()) + " " + unit.format(x) + overSeeds(result, limit, values);
        String bound = limit.name() + " " + unit.format(limit.value());
        if (held) {
            return LimitCheck.held(limit, metricName, x,
                    head + (limit.atLeast() ? " is at least " : " is within ") + bound).withDetectable(seen);
        }
        return LimitCheck.broken(limit, metricName, x, head + (limit.atLeast() ? " is below " : " exceeds ") + bound
                + detail.of(ctx, result, limit, values) + (advice == null ? "" : "; " + advice)).withDetectable(seen);
    }

    private String overSeeds(ExperimentResult result, Limit limit, Spread values) {
        int seeds = result.seedCount();
        String of = limit.aggregate().words();
        if (seedCountOnly) {
            return seeds > 1 ? " (" + of + " " + seeds + " seeds)" : "";
        }
        if (seeds <= 1 || values.n() <= 1) {
            return "";
        }
        return " (" + of + " " + values.n() + " seeds, " + unit.format(values.min()) + " to "
                + unit.format(values.max()) + ")";
    }

    private String unitName() {
        return switch (unit) {
            case RATIO -> org.adaptivesparse.result.Detectable.RATIO;
            case FACTOR -> org.adaptivesparse.result.Detectable.FACTOR;
            case LIFT -> org.adaptivesparse.result.Detectable.LIFT;
        };
    }

    static String capitalized(Policy p) {
        String id = p.id();
        StringBuilder s = new StringBuilder();
        for (String part : id.split("-")) {
            s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return s.toString();
    }
}
