package org.adaptivesparse.result;

/**
 * One broken rule.
 *
 * @param metric  what was checked, e.g. {@code accuracy}
 * @param actual  the measured value
 * @param limit   the configured limit
 * @param message the full sentence both front ends show word for word, e.g.
 *                {@code accuracy 0.812 is below minAccuracy 0.850 (epoch 3 of 3); raise epochs or lower the threshold}
 */
public record Violation(String metric, double actual, double limit, String message) {
}
