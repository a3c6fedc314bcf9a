package org.adaptivesparse.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.TimeUnit;
import org.adaptivesparse.selection.Significance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The significance math of fresh AST on one batch of 128, everything after the scoring forward:
 * per-sample loss from the logits, pixel spread, the score and the copy to the Java side. The
 * {@code javaScore} variant is what the stale mode pays: the same formula on stored floats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class SignificanceBench {
    private BatchFixture f;
    private final Significance significance = new Significance(0.7, 0.3);
    private final float[] losses = new float[BatchFixture.BATCH];
    private final float[] stds = new float[BatchFixture.BATCH];
    private final float[] out = new float[BatchFixture.BATCH];

    @Setup
    public void setUp() {
        f = new BatchFixture();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < losses.length; i++) {
            losses[i] = (float) r.nextDouble(0, 3);
            stds[i] = (float) r.nextDouble(0.1, 0.5);
        }
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    /**
     * What the fresh loop now runs after the scoring forward: one copy of the logits out of the engine,
     * the per-sample loss and the score on the Java side, pixel spreads looked up (computed once per run).
     */
    @Benchmark
    public float[] engineScore() {
        try (NDManager bm = f.manager.newSubManager()) {
            float[] logits = BatchFixture.view(bm, f.logits).toFloatArray();
            Significance.perSampleLoss(logits, BatchFixture.CLASSES, f.labels, f.batchIdx, losses);
            for (int i = 0; i < stds.length; i++) {
                stds[i] = f.stds[(int) f.batchIdx[i]];
            }
            significance.score(losses, stds, out);
            return out;
        }
    }

    /** perSampleLoss + pixelStd + score + toFloatArray on NDArrays, as the fresh loop ran them before. */
    @Benchmark
    public float[] ndarrayScore() {
        try (NDManager bm = f.manager.newSubManager()) {
            NDArray logits = BatchFixture.view(bm, f.logits);
            NDArray x = BatchFixture.view(bm, f.x);
            NDArray y = BatchFixture.view(bm, f.y);
            NDArray l = Significance.perSampleLoss(logits, y);
            NDArray s = Significance.pixelStd(x);
            return significance.score(l, s).toFloatArray();
        }
    }

    /** Opening the sub-manager and the three input views alone: the harness cost inside {@link #ndarrayScore()}. */
    @Benchmark
    public long inputsOnly() {
        try (NDManager bm = f.manager.newSubManager()) {
            NDArray logits = BatchFixture.view(bm, f.logits);
            NDArray x = BatchFixture.view(bm, f.x);
            NDArray y = BatchFixture.view(bm, f.y);
            return logits.size() + x.size() + y.size();
        }
    }

    /** The stale mode's score: the same formula on floats kept on the Java side. */
    @Benchmark
    public float[] javaScore() {
        significance.score(losses, stds, out);
        return out;
    }
}
