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
import org.adaptivesparse.control.PiController;

/** One PI controller update, the once-per-batch cost of holding the rate. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
@SuppressWarnings("unused")
public class ControllerBench {
    private PiController controller;
    private int i;

    @Setup
    public void setUp() {
        controller = new PiController(0.10, 0.15, 0.005, 0.3, 0.5);
    }

    @TearDown
    public void tearDown() {
        // nothing native to free
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double update() {
        return controller.update((i++ & 7) == 0 ? 0.2 : 0.08);
    }
}
