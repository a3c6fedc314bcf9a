package org.adaptivesparse.result;

/**
 * What a reference model cost, paid once per data set, seed and holdout before any policy trains,
 * and shown apart from the runs' own figures: a time to target is given per run and with this added.
 *
 * @param seconds  training-loop and scoring seconds when the reference model was built (also when it
 *                 was read back from the cache: the cost is the building's, measured then)
 * @param steps    optimizer steps of the reference model's training
 * @param samples  samples it trained on (the holdout, or each half's worth in the two-halves variant)
 * @param epochs   its training epochs
 * @param accuracy its test accuracy after training (the mean of both models' in the two-halves variant)
 * @param cached   true when this run read the scores from the cache instead of training
 */
public record OneTimeCost(double seconds, long steps, int samples, int epochs, double accuracy, boolean cached) {
}
