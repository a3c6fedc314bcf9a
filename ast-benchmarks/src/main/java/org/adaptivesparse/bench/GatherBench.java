package org.adaptivesparse.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.concurrent.TimeUnit;
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
 * The gather of the active sub-batch (13 of 128 at 10 %) from the training tensor, images and
 * labels (images gathered in the engine, labels created from the Java side), as the training loop
 * does it; and of a whole batch of 128 for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class GatherBench {
    private BatchFixture f;
    private long[] active;

    @Setup
    public void setUp() {
        f = new BatchFixture();
        active = new long[13];
        for (int i = 0; i < active.length; i++) {
            active[i] = f.batchIdx[i * 9];
        }
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    @Benchmark
    public long active13() {
        return gather(active);
    }

    @Benchmark
    public long batch128() {
        return gather(f.batchIdx);
    }

    private long gather(long[] idx) {
        try (NDManager bm = f.manager.newSubManager()) {
            long[] labels = new long[idx.length];
            for (int k = 0; k < idx.length; k++) {
                labels[k] = f.labels[(int) idx[k]];
            }
            NDArray x = f.poolX.get(bm, new NDIndex("{}", bm.create(idx)));
            NDArray y = bm.create(labels);
            return x.size() + y.size();
        }
    }
}
