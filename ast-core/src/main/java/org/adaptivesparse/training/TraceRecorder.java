package org.adaptivesparse.training;

import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.result.TracePoint;
import org.adaptivesparse.selection.BatchSelection;

/** Keeps every {@link #every()}-th batch of a run, so a run has at most about {@link #POINTS} trace points. */
final class TraceRecorder {
    static final int POINTS = 400;

    private final int every;
    private final List<TracePoint> points = new ArrayList<>();
    private long batch;

    /** @param batches how many batches the run will train if it finishes */
    TraceRecorder(long batches) {
        this.every = (int) Math.max(1, (batches + POINTS - 1) / POINTS);
    }

    /** Counts one trained batch and keeps it if its global index is a multiple of {@link #every()}. */
    void batch(int epoch, double activation, BatchSelection selection, float loss) {
        if (batch % every == 0) {
            points.add(new TracePoint(batch, epoch, activation, selection.ema(), selection.threshold(), loss));
        }
        batch++;
    }

    int every() {
        return every;
    }

    List<TracePoint> points() {
        return points;
    }
}
