package org.adaptivesparse.training;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides when a long epoch deserves a progress line: once it has run for {@link #INTERVAL_SECONDS}
 * and then every {@link #INTERVAL_SECONDS}, with batches done, time elapsed and an estimate of the
 * rest ({@link ProgressFormat#batchLine}). Short epochs print nothing extra. A front end's listener
 * keeps one per experiment, calls {@link #restart()} when a run starts and after each epoch, and
 * {@link #batchFinished} from {@link ProgressListener#batchFinished}. Not thread-safe; runs are sequential.
 */
public final class BatchProgress {
    /** Seconds between lines, and before the first one. */
    public static final double INTERVAL_SECONDS = 10;

    private final LongSupplier nanoClock;
    private long epochStart;
    private long lastLine;

    /** Measured with {@link System#nanoTime()}. */
    public BatchProgress() {
        this(System::nanoTime);
    }

    /** Measured with the given clock, in nanoseconds (for tests). */
    public BatchProgress(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        restart();
    }

    /** An epoch starts now. */
    public void restart() {
        epochStart = nanoClock.getAsLong();
        lastLine = epochStart;
    }

    /** The line to show after this batch, or empty when the last one (or the epoch's start) is recent. */
    public Optional<String> batchFinished(String policy, int epoch, int totalEpochs, int batch, int batches) {
        long now = nanoClock.getAsLong();
        if (batch >= batches || (now - lastLine) / 1e9 < INTERVAL_SECONDS) {
            return Optional.empty();
        }
        lastLine = now;
        return Optional.of(ProgressFormat.batchLine(policy, epoch, totalEpochs, batch, batches,
                (now - epochStart) / 1e9));
    }
}
