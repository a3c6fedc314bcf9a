package org.adaptivesparse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchProgressTest {
    private static final long S = 1_000_000_000L;

    @Test
    void silentInShortEpochsThenOneLineEveryTenSecondsWithAnEstimate() {
        AtomicLong now = new AtomicLong(0);
        BatchProgress p = new BatchProgress(now::get);
        now.set(9 * S);
        assertEquals(Optional.empty(), p.batchFinished("ast", 1, 3, 90, 400));
        now.set(12 * S);
        assertEquals(Optional.of("[ast] Epoch 1/3 | batch 100/400 | 12.0 s elapsed | about 36 s left"),
                p.batchFinished("ast", 1, 3, 100, 400));
        now.set(15 * S);
        assertEquals(Optional.empty(), p.batchFinished("ast", 1, 3, 125, 400));
        now.set(22 * S);
        assertEquals(Optional.of("[ast] Epoch 1/3 | batch 200/400 | 22.0 s elapsed | about 22 s left"),
                p.batchFinished("ast", 1, 3, 200, 400));
        now.set(40 * S);
        assertEquals(Optional.empty(), p.batchFinished("ast", 1, 3, 400, 400), "the epoch line follows the last batch");
        p.restart();
        now.set(45 * S);
        assertEquals(Optional.empty(), p.batchFinished("ast", 2, 3, 50, 400));
    }
}
