package org.adaptivesparse.selection;

/**
 * How much of a stored-score mode's budget is drawn uniformly in each epoch: its selection pressure
 * over the run. {@code primeEpochs} first epochs are all uniform, at the same budget (Selective
 * Backprop trains its first epoch fully; here the step count stays the control's). After them, with
 * {@code pressureSchedule=constant} the configured share ({@code staleExploration},
 * {@code importanceFloor}) holds; with {@code decay} it grows linearly from the configured share in
 * the first epoch with pressure to 1 (all uniform) in the last epoch (Loshchilov and Hutter 2015:
 * the pressure must fall as training goes on; InfoBatch trains its last epochs on everything).
 */
final class PressureSchedule {
    private final boolean decay;
    private final int prime;
    private final int epochs;

    /**
     * @param decay  the uniform share grows to 1 over the run
     * @param prime  epochs of uniform sampling first
     * @param epochs the epochs the strategy selects in (after any {@code warmupEpochs})
     */
    PressureSchedule(boolean decay, int prime, int epochs) {
        this.decay = decay;
        this.prime = prime;
        this.epochs = epochs;
    }

    /**
     * The uniform share in {@code epoch} (1-based, counted from the first epoch the strategy selects
     * in), from the configured {@code base} share.
     */
    double uniformShare(int epoch, double base) {
        if (epoch <= prime) {
            return 1.0;
        }
        int span = epochs - prime;
        if (!decay || span <= 1) {
            return base;
        }
        double f = Math.min(1.0, (double) (epoch - prime - 1) / (span - 1));
        return base + (1 - base) * f;
    }
}
