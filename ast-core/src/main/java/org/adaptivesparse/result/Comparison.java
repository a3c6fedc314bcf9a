package org.adaptivesparse.result;

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
 */
public record Comparison(Double speedupVsFull, Double speedupVsRandom, Double accuracyDeltaVsFull,
        Double accuracyDeltaVsRandom, Double backwardRatioVsFull, Double timeToTargetVsRandom,
        Double timeToTargetVsFull) {

    /** A comparison without time to target. */
    public Comparison(Double speedupVsFull, Double speedupVsRandom, Double accuracyDeltaVsFull,
            Double accuracyDeltaVsRandom, Double backwardRatioVsFull) {
        this(speedupVsFull, speedupVsRandom, accuracyDeltaVsFull, accuracyDeltaVsRandom, backwardRatioVsFull, null,
                null);
    }
}
