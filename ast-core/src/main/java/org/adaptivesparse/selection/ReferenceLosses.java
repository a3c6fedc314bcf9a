package org.adaptivesparse.selection;

import org.adaptivesparse.result.OneTimeCost;

/**
 * Each training sample's irreducible loss: its loss under a reference model that never trained on
 * it (RHO-LOSS, Mindermann et al. 2022). High where a label disagrees with what the rest of the data
 * teach, which is where wrong labels gather.
 *
 * @param losses one per sample of the set the policies train on, in its order
 * @param cost   what building the reference model cost, once
 */
public record ReferenceLosses(float[] losses, OneTimeCost cost) {
    /** The loss of the sample at {@code index}. */
    public float of(int index) {
        return losses[index];
    }
}
