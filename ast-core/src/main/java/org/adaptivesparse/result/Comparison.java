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

    /** A comparison to fill in: every figure null, one seed. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this comparison. */
    public Builder toBuilder() {
        return new Builder().speedup(speedupVsFull, speedupVsRandom).accuracyDelta(accuracyDeltaVsFull,
                accuracyDeltaVsRandom).backwardRatioVsFull(backwardRatioVsFull)
                .timeToTarget(timeToTargetVsRandom, timeToTargetVsFull).seeds(seeds)
                .firstToTarget(firstToTargetVsRandom, firstToTargetVsFull).accuracyVsRandom(accuracyVsRandom);
    }

    /** Sets a {@link Comparison}'s figures in pairs, against full and against random. */
    public static final class Builder {
        private Double speedupVsFull;
        private Double speedupVsRandom;
        private Double accuracyDeltaVsFull;
        private Double accuracyDeltaVsRandom;
        private Double backwardRatioVsFull;
        private Double timeToTargetVsRandom;
        private Double timeToTargetVsFull;
        private Integer seeds = 1;
        private PairedTest firstToTargetVsRandom;
        private PairedTest firstToTargetVsFull;
        private PairedTest accuracyVsRandom;

        private Builder() {
        }

        public Builder speedup(Double vsFull, Double vsRandom) {
            speedupVsFull = vsFull; speedupVsRandom = vsRandom; return this;
        }
        public Builder accuracyDelta(Double vsFull, Double vsRandom) {
            accuracyDeltaVsFull = vsFull; accuracyDeltaVsRandom = vsRandom; return this;
        }
        public Builder backwardRatioVsFull(Double v) { backwardRatioVsFull = v; return this; }
        public Builder timeToTarget(Double vsRandom, Double vsFull) {
            timeToTargetVsRandom = vsRandom; timeToTargetVsFull = vsFull; return this;
        }
        public Builder seeds(Integer v) { seeds = v; return this; }
        public Builder firstToTarget(PairedTest vsRandom, PairedTest vsFull) {
            firstToTargetVsRandom = vsRandom; firstToTargetVsFull = vsFull; return this;
        }
        public Builder accuracyVsRandom(PairedTest v) { accuracyVsRandom = v; return this; }

        public Comparison build() {
            return new Comparison(speedupVsFull, speedupVsRandom, accuracyDeltaVsFull, accuracyDeltaVsRandom,
                    backwardRatioVsFull, timeToTargetVsRandom, timeToTargetVsFull, seeds, firstToTargetVsRandom,
                    firstToTargetVsFull, accuracyVsRandom);
        }
    }
}
