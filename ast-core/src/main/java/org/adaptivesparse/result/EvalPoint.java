package org.adaptivesparse.result;

import java.util.List;
import java.util.Optional;

/**
 * One evaluation during a run, with the work done up to it. Counts and seconds are cumulative from
 * the start of the run; evaluation time is never part of them.
 *
 * @param epoch          1-based epoch in which it was taken
 * @param batch          batches of that epoch done before it (the last batch number at the end of an epoch)
 * @param trainSeconds   training-loop seconds so far (scoring, selection, steps)
 * @param scoredSamples  samples that went through a scoring forward pass so far
 * @param trainedSamples samples that went through a training forward and backward pass so far
 * @param steps          optimizer steps so far
 * @param accuracy       test accuracy on the evaluated samples
 * @param evalSamples    test samples evaluated: the whole test set at the end of an epoch, the fixed
 *                       evaluation subset ({@code evalLimit}) in between
 */
public record EvalPoint(int epoch, int batch, double trainSeconds, long scoredSamples, long trainedSamples, long steps,
        double accuracy, int evalSamples) {

    /** The first evaluation at or above {@code target}, if any. */
    public static Optional<EvalPoint> firstReaching(List<EvalPoint> points, double target) {
        if (points == null || Double.isNaN(target)) {
            return Optional.empty();
        }
        return points.stream().filter(p -> p.accuracy() >= target).findFirst();
    }
}
