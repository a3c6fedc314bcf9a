package org.adaptivesparse.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Paired comparisons of AST with a control over seeds: for each seed, one figure of each (time to
 * target, final accuracy), and the question whether AST is better more often than chance allows.
 * Exact tests, because a CI run has few seeds: the sign test and the Wilcoxon signed-rank test.
 *
 * @param n      pairs compared (ties excluded)
 * @param wins   pairs in which the first figure is better
 * @param losses pairs in which the second is better
 * @param ties   pairs with equal figures (left out of both tests)
 * @param signP  two-sided exact sign-test p-value
 * @param wilcoxonP two-sided exact Wilcoxon signed-rank p-value (average ranks for tied magnitudes)
 */
public record PairedTest(int n, int wins, int losses, int ties, double signP, double wilcoxonP) {

    /**
     * @param a            the first figure per seed (AST)
     * @param b            the second, same seed order (the control)
     * @param lowerIsBetter true for times, false for accuracies
     */
    public static PairedTest of(double[] a, double[] b, boolean lowerIsBetter) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired figures need the same seeds: " + a.length + " vs " + b.length);
        }
        List<Double> diffs = new ArrayList<>();
        int wins = 0;
        int losses = 0;
        int ties = 0;
        for (int i = 0; i < a.length; i++) {
            double d = lowerIsBetter ? b[i] - a[i] : a[i] - b[i];
            if (Double.isNaN(d)) {
                continue;
            }
            if (d > 0) {
                wins++;
            } else if (d < 0) {
                losses++;
            } else {
                ties++;
                continue;
            }
            diffs.add(d);
        }
        int n = wins + losses;
        return new PairedTest(n, wins, losses, ties, sign(n, Math.min(wins, losses)), wilcoxon(diffs));
    }

    /** Two-sided exact sign test: 2 P(X <= k), X ~ Binomial(n, 1/2), at most 1. */
    static double sign(int n, int k) {
        if (n == 0) {
            return 1.0;
        }
        double p = 0;
        for (int i = 0; i <= k; i++) {
            p += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1.0, 2 * p);
    }

    /**
     * Two-sided exact Wilcoxon signed-rank test, by enumerating the null distribution of the sum of
     * positive ranks (doubled, so average ranks of ties stay whole numbers).
     */
    static double wilcoxon(List<Double> diffs) {
        int n = diffs.size();
        if (n == 0) {
            return 1.0;
        }
        Double[] abs = diffs.stream().map(Math::abs).toArray(Double[]::new);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(abs[x], abs[y]));
        int[] rank2 = new int[n];
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && abs[order[j + 1]].equals(abs[order[i]])) {
                j++;
            }
            int doubled = (i + 1) + (j + 1);
            for (int k = i; k <= j; k++) {
                rank2[order[k]] = doubled;
            }
            i = j + 1;
        }
        int total = Arrays.stream(rank2).sum();
        int observed = 0;
        for (int i = 0; i < n; i++) {
            if (diffs.get(i) > 0) {
                observed += rank2[i];
            }
        }
        double[] dist = new double[total + 1];
        dist[0] = 1;
        for (int r : rank2) {
            for (int s = total; s >= r; s--) {
                dist[s] += dist[s - r];
            }
        }
        double all = Math.pow(2, n);
        int low = Math.min(observed, total - observed);
        double tail = 0;
        for (int s = 0; s <= low; s++) {
            tail += dist[s];
        }
        return Math.min(1.0, 2 * tail / all);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
