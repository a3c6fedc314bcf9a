package org.adaptivesparse.result;

import org.adaptivesparse.stats.PairedTest;

/**
 * What the side-by-side runs measured, AST against the controls in the same process, same data,
 * seed and initial weights. A field is null when its control did not run.
 *
 * @param speedupVsFull        full's median epoch training-loop seconds / AST's (AST epochs after warmup)
 * @param speedupVsRandom      random's median epoch seconds / AST's (below 1: AST is slower than random)
 * @param accuracyDeltaVsFull  AST's final test accuracy minus full's, at equal epochs
 * @param accuracyDeltaVsRandom AST's final test accuracy minus random's, at equal epochs
 * @param backwardRatioVsFull  samples AST trained (forward + backward) / samples full trained
 * @param timeToTargetVsRandom AST's training seconds to {@code targetAccuracy} / random's; null unless both reached it
 * @param timeToTargetVsFull   the same against full
 * @param seeds                how many seeds every figure is the median over (null in old results: 1)
 * @param firstToTargetVsRandom AST against random, paired by seed, on time to target (a policy that
 *                             never reached the target counts as later than one that did): wins are
 *                             seeds where AST got there first; null without random or a target
 * @param firstToTargetVsFull  the same against full
 * @param accuracyVsRandom     AST against random, paired by seed, on final test accuracy
 */
public record Comparison(Double speedupVsFull, Double speedupVsRandom, Double accuracyDeltaVsFull,
        Double accuracyDeltaVsRandom, Double backwardRatioVsFull, Double timeToTargetVsRandom,
        Double timeToTargetVsFull, Integer seeds, PairedTest firstToTargetVsRandom, PairedTest firstToTargetVsFull,
        PairedTest accuracyVsRandom) {

    /** A comparison without time to target, of one seed. */
    public Comparison(Double speedupVsFull, Double speedupVsRandom, Double accuracyDeltaVsFull,
            Double accuracyDeltaVsRandom, Double backwardRatioVsFull) {
        this(speedupVsFull, speedupVsRandom, accuracyDeltaVsFull, accuracyDeltaVsRandom, backwardRatioVsFull, null,
                null);
    }

    /** A comparison of one seed. */
    public Comparison(Double speedupVsFull, Double speedupVsRandom, Double accuracyDeltaVsFull,
            Double accuracyDeltaVsRandom, Double backwardRatioVsFull, Double timeToTargetVsRandom,
            Double timeToTargetVsFull) {
        this(speedupVsFull, speedupVsRandom, accuracyDeltaVsFull, accuracyDeltaVsRandom, backwardRatioVsFull,
                timeToTargetVsRandom, timeToTargetVsFull, 1, null, null, null);
    }
}
