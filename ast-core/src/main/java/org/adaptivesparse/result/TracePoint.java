package org.adaptivesparse.result;

/**
 * One point of the down-sampled per-batch trace.
 *
 * @param batch      global batch index, 0-based, across epochs
 * @param epoch      1-based epoch
 * @param activation this batch's activation rate
 * @param ema        the controller's smoothed activation after this batch (NaN without a controller)
 * @param threshold  the gate threshold after this batch's controller update (NaN without a gate)
 * @param loss       mean training loss of the batch's trained samples
 */
public record TracePoint(long batch, int epoch, double activation, double ema, double threshold, double loss) {
}
