package org.adaptivesparse.training;

/**
 * Modeled, not measured, energy: every trained sample costs {@code active} units, every skipped one
 * {@code skipped} units, and full training costs {@code active} units per sample. The figure counts
 * samples; it does not read a power meter, so reports always label it "modeled".
 */
public final class EnergyModel {
    private final double active;
    private final double skipped;
    private double baseline;
    private double actual;

    public EnergyModel(double active, double skipped) {
        this.active = active;
        this.skipped = skipped;
    }

    /** Adds one batch of {@code batchSize} samples of which {@code trained} were trained. */
    public void add(int batchSize, int trained) {
        baseline += batchSize * active;
        actual += trained * active + (batchSize - trained) * skipped;
    }

    /** {@code 1 - actual / baseline} over what was added, 0 when nothing was. */
    public double savings() {
        return baseline == 0 ? 0 : 1 - actual / baseline;
    }
}
