package org.adaptivesparse.bench;

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
import org.adaptivesparse.config.GateMode;
import org.adaptivesparse.selection.Gate;

/** The gate on one batch of 128 significance scores, hard and probabilistic, at a threshold passing about 10 %. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class GateBench {
    private final float[] sig = new float[BatchFixture.BATCH];
    private Gate hard;
    private Gate soft;

    @Setup
    public void setUp() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < sig.length; i++) {
            sig[i] = (float) r.nextDouble();
        }
        hard = new Gate(GateMode.HARD, 1);
        soft = new Gate(GateMode.PROBABILISTIC, 1);
    }

    @TearDown
    public void tearDown() {
        // nothing native to free
    }

    @Benchmark
    public Gate.Selection hard() {
        return hard.select(sig, 0.9);
    }

    @Benchmark
    public Gate.Selection probabilistic() {
        return soft.select(sig, 0.9);
    }
}
