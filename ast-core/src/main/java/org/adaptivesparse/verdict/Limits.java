package org.adaptivesparse.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.LimitText;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.config.Suggestions;

/**
 * The limits a configuration sets: first the flat options that are short forms of limits
 * ({@code minAccuracy 0.85} is {@code accuracy >= 0.85}), in the order of {@link Figures#ALL}, then
 * the {@code limits} option's, in the order written.
 */
public final class Limits {
    private Limits() {
    }

    /**
     * Every limit of {@code cfg}.
     *
     * @throws ConfigException for {@code limits} when a limit names a figure that does not exist,
     *         naming the nearest that does
     */
    public static List<Limit> of(ExperimentConfig cfg) {
        List<Limit> out = shortForms(cfg::get);
        out.addAll(written(cfg.limits()));
        return out;
    }

    /**
     * The limits the flat options set, in the order of {@link Figures#ALL}.
     *
     * @param values an option's value, null when unset
     */
    public static List<Limit> shortForms(Function<Option<Double>, Double> values) {
        List<Limit> out = new ArrayList<>();
        for (Figure f : Figures.ALL) {
            for (Figure.ShortForm s : f.shortForms()) {
                Double v = values.apply(s.option());
                if (v != null) {
                    out.add(new Limit(f, s.policy(), s.atLeast(), v, Limit.Aggregate.MEDIAN, s.option().name(),
                            s.option().name()));
                }
            }
        }
        return out;
    }

    /** The flat options that are short forms of limits, in the order they are checked. */
    public static List<Option<Double>> shortFormOptions() {
        return Figures.ALL.stream().flatMap(f -> f.shortForms().stream()).map(Figure.ShortForm::option).toList();
    }

    /**
     * The {@code limits} option's limits with their figures resolved.
     *
     * @throws ConfigException for {@code limits}, naming the limit and the nearest figure name
     */
    public static List<Limit> written(List<LimitText> texts) {
        List<Limit> out = new ArrayList<>();
        int n = 0;
        for (LimitText t : texts) {
            n++;
            out.add(resolve(t, n));
        }
        return out;
    }

    private static Limit resolve(LimitText t, int n) {
        String where = "limits: limit " + n + " '" + t.text() + "'";
        Limit.Aggregate aggregate = Limit.Aggregate.named(t.aggregate());
        for (Figure f : Figures.ALL) {
            if (!f.versus() && f.name().equals(t.figure())) {
                return new Limit(f, t.policy() == null ? Policy.AST : t.policy(), t.atLeast(), t.value(), aggregate,
                        t.subject(), t.text());
            }
            for (Policy control : Policy.values()) {
                if (f.versus() && control != Policy.AST && f.nameFor(control).equals(t.figure())) {
                    if (t.policy() != null && t.policy() != Policy.AST) {
                        throw new ConfigException("limits", where + ": " + t.figure() + " is AST's against "
                                + control + "; write it without a policy");
                    }
                    if (f == Figures.TIME_TO_TARGET && aggregate != Limit.Aggregate.MEDIAN) {
                        throw new ConfigException("limits", where + ": " + t.figure()
                                + " is held by its median over seeds; remove ." + t.aggregate());
                    }
                    return new Limit(f, control, t.atLeast(), t.value(), aggregate, t.subject(), t.text());
                }
            }
        }
        throw new ConfigException("limits", where + ": '" + t.figure() + "' is not a figure;"
                + Suggestions.didYouMean(t.figure(), Figures.names()).replace("?", ";") + " known figures: "
                + String.join(", ", Figures.names()));
    }
}
