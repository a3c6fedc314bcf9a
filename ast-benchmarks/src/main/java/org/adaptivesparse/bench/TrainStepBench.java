package org.adaptivesparse.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
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
 * The reference costs the selection overhead is measured against: one full training step on 128
 * samples (forward, loss, backward, Adam step), one scoring forward in inference mode on 128, and
 * the sparse step on 13.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class TrainStepBench {
    private BatchFixture f;

    @Setup
    public void setUp() {
        f = new BatchFixture();
    }

    @TearDown
    public void tearDown() {
        f.close();
    }

    @Benchmark
    public float fullStep128() {
        return step(BatchFixture.BATCH);
    }

    @Benchmark
    public float sparseStep13() {
        return step(13);
    }

    @Benchmark
    public long scoringForward128() {
        try (NDManager bm = f.manager.newSubManager()) {
            NDArray x = BatchFixture.view(bm, f.x);
            return f.trainer.evaluate(new NDList(x)).singletonOrThrow().size();
        }
    }

    private float step(int n) {
        try (NDManager bm = f.manager.newSubManager()) {
            NDArray x = f.x.get(bm, new NDIndex("0:" + n));
            NDArray y = f.y.get(bm, new NDIndex("0:" + n));
            float loss;
            try (GradientCollector gc = f.trainer.newGradientCollector()) {
                NDArray logits = f.trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray l = f.trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                gc.backward(l);
                loss = l.getFloat();
            }
            f.trainer.step();
            return loss;
        }
    }
}
