package org.adaptivesparse.verdict;

import org.adaptivesparse.config.Policy;
import org.adaptivesparse.stats.Spread;

/**
 * One gate: a figure of a policy (or AST's against a control) held to a minimum or a maximum, over
 * seeds by an aggregate. Written out in the {@code limits} option ({@code accuracy.min >= 0.70}) or
 * made from a flat option that is its short form ({@code minAccuracy}); see {@link Limits}.
 *
 * @param figure    what is limited
 * @param policy    whose figure, or for a figure against a control, that control
 * @param atLeast   true for a minimum ({@code >=}), false for a maximum ({@code <=})
 * @param value     the bound
 * @param aggregate how the seeds' values become the one that is held to the bound
 * @param name      the limit's name in messages: the flat option ({@code minAccuracy}) or the subject
 *                  as written ({@code accuracy.min})
 * @param rule      what checks record as the rule: the flat option, or the limit as written
 */
public record Limit(Figure figure, Policy policy, boolean atLeast, double value, Aggregate aggregate, String name,
        String rule) {

    /** How a limit reads the seeds' values of its figure. */
    public enum Aggregate {
        MEDIAN("median of"), MIN("lowest of"), MAX("highest of");

        private final String words;

        Aggregate(String words) {
            this.words = words;
        }

        /** The aggregate named {@code median}, {@code min} or {@code max}. */
        public static Aggregate named(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }

        /** The value the limit holds: the median, the lowest or the highest seed's. */
        public double of(Spread s) {
            return switch (this) {
                case MEDIAN -> s.median();
                case MIN -> s.min();
                case MAX -> s.max();
            };
        }

        /** {@code median of}, as in {@code (median of 3 seeds, 0.80 to 0.82)}. */
        String words() {
            return words;
        }
    }
}
