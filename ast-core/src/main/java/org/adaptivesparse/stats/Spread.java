package org.adaptivesparse.stats;

import java.util.Arrays;

/**
 * A figure over seeds as reports show it: the median with the smallest and largest value.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min    the smallest value
 * @param max    the largest value
 * @param n      how many values (NaN values left out)
 */
public record Spread(double median, double min, double max, int n) {

    /** The spread of the non-NaN values; all NaN with n 0 when there are none. */
    public static Spread of(double... values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Spread(median, v[0], v[v.length - 1], v.length);
    }
}
