package org.adaptivesparse.training;

import java.util.Locale;
import org.adaptivesparse.result.EpochMetrics;

/** The standard wording of progress lines, shared by every front end. */
public final class ProgressFormat {
    private ProgressFormat() {
    }

    /**
     * One line per epoch, e.g.
     * {@code [ast] Epoch  3/10 | Loss: 1.16 | Acc: 61.2% | Act: 10.2% | Save: 89.8% (modeled) | Thr: 0.54 | 7.3 s}.
     */
    public static String epochLine(String policy, EpochMetrics m, int totalEpochs) {
        int width = String.valueOf(totalEpochs).length();
        String thr = Double.isNaN(m.thresholdEnd()) ? "  - " : String.format(Locale.ROOT, "%.2f", m.thresholdEnd());
        return String.format(Locale.ROOT,
                "[%s] Epoch %" + width + "d/%d | Loss: %.3f | Acc: %.1f%% | Act: %.1f%% | Save: %.1f%% (modeled) | Thr: %s | %.1f s",
                "warmup".equals(m.phase()) ? policy + " warmup" : policy, m.epoch(), totalEpochs, m.trainLoss(),
                100 * m.testAccuracy(), 100 * m.activationRate(),
                100 * m.modeledSavings(), thr, m.trainSeconds());
    }

    /**
     * A line during a long epoch, e.g.
     * {@code [ast] Epoch 2/3 | batch 120/469 | 12.4 s elapsed | about 36 s left}.
     */
    public static String batchLine(String policy, int epoch, int totalEpochs, int batch, int batches,
            double elapsedSeconds) {
        double left = batch <= 0 ? Double.NaN : elapsedSeconds / batch * (batches - batch);
        return String.format(Locale.ROOT, "[%s] Epoch %d/%d | batch %d/%d | %.1f s elapsed | about %.0f s left",
                policy, epoch, totalEpochs, batch, batches, elapsedSeconds, left);
    }
}
