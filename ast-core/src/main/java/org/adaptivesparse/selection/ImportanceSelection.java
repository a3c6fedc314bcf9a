package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The {@code ast} policy with {@code importance} selection: unbiased importance sampling from stored
 * scores (Katharopoulos &amp; Fleuret 2018, "Not All Samples Are Created Equal"), without a scoring
 * forward pass. Unproven here until the benchmark says otherwise.
 *
 * <p>Each sample's score is remembered from its own training forward pass, as in the {@code stale}
 * mode; a sample never seen counts at the largest known score, so it is not drawn less often than
 * the samples already learned (InfoBatch likewise starts unseen samples high). Once per epoch the
 * budget {@code m = round(target * n)} is drawn without replacement with inclusion probabilities
 * {@code pi_i = min(1, c * q_i)}, {@code sum pi = m}, where
 * <pre>
 * q_i = (1 - importanceFloor) * score_i^importanceAlpha / sum_j score_j^importanceAlpha + importanceFloor / n
 * </pre>
 * by systematic sampling over the epoch's shuffled order, which gives every sample exactly
 * {@code pi_i}. A trained sample's loss is weighted by {@code m / (n * pi_i)} (that is
 * {@code 1 / (n * p_i)} with {@code p_i = pi_i / m}; the Horvitz-Thompson weight that makes the
 * sub-batch's mean loss an unbiased estimate of the mean loss over all samples), clipped to
 * [{@link #MIN_WEIGHT}, {@link #MAX_WEIGHT}] and normalised to mean 1 over the epoch's draws, so the
 * step size stays on average that of an unweighted step. Not per sub-batch: dividing by the weights of
 * a dozen samples is a ratio estimator, biased by several percent (7 % in {@code ImportanceSelectionTest}'s
 * toy at 6 samples per sub-batch); the raw weights already have expectation 1, so the epoch's
 * normalisation moves them by little. The floor bounds the weights by {@code 1 / importanceFloor} and
 * keeps every sample's chance at least that share of uniform, so none starves.
 *
 * <p>{@code primeEpochs} and {@code pressureSchedule} move the floor over the run (see
 * {@link PressureSchedule}). The chosen samples are spread evenly over the epoch's batches as in the {@code stale} mode, so
 * the step count and the sub-batch size are those of the {@code random} control.
 */
final class ImportanceSelection implements SelectionStrategy {
    /** Upper clip of a sample's raw weight; the floor keeps raw weights at most {@code 1 / importanceFloor}. */
    static final double MAX_WEIGHT = 10.0;
    /** Lower clip: a sample drawn almost surely still counts at least this much. */
    static final double MIN_WEIGHT = 0.1;

    private final double target;
    private final double alpha;
    private final double floor;
    private final PressureSchedule schedule;
    private final SplittableRandom random;
    private final StoredScores scores;
    private final boolean[] chosen;
    private final float[] weight;

    ImportanceSelection(ImageTensors t, ImportanceMode.Settings settings, SplittableRandom random) {
        this.target = settings.target();
        this.alpha = settings.alpha();
        this.floor = settings.floor();
        this.schedule = settings.stored().schedule();
        this.random = random;
        this.scores = settings.stored().scores(t);
        this.chosen = new boolean[t.size()];
        this.weight = new float[t.size()];
    }

    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        planEpoch(order, batchSize, schedule.uniformShare(epoch, floor));
        return EpochPlan.NONE;
    }

    /** Draws the epoch's samples, sets their weights and spreads them evenly over the batches of {@code order}. */
    void planEpoch(int[] order, int batchSize) {
        planEpoch(order, batchSize, floor);
    }

    /** The same with {@code floor}, this epoch's uniform share (see {@link PressureSchedule}). */
    void planEpoch(int[] order, int batchSize, double floor) {
        int n = order.length;
        int budget = (int) Math.max(1, Math.min(n, Math.round(target * n)));
        float unseen = scores.max();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = scores.get(i, unseen);
        }
        double[] pi = inclusion(probabilities(s, alpha, floor), budget);
        int[] picked = systematic(order, pi, budget, random);
        Arrays.fill(chosen, false);
        double sum = 0;
        for (int i : picked) {
            chosen[i] = true;
            weight[i] = (float) clip(budget / (n * pi[i]));
            sum += weight[i];
        }
        for (int i : picked) {
            weight[i] = (float) (weight[i] * budget / sum);
        }
        Permutations.shuffle(picked, random);
        EpochSpread.spread(order, picked, chosen, batchSize);
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        int[] active = EpochSpread.positions(batch, chosen);
        if (active == null) {
            return BatchSelection.of(Gate.randomSubset(random, batch.length, Math.min(Gate.FALLBACK, batch.length)));
        }
        float[] w = new float[active.length];
        for (int j = 0; j < active.length; j++) {
            w[j] = weight[(int) batch[active[j]]];
        }
        return BatchSelection.weighted(active, w);
    }

    @Override
    public void trained(long[] samples, NDArray logits) {
        scores.rememberLogits(samples, logits.stopGradient().toFloatArray());
    }

    /** Stores scores directly (tests). */
    void remember(long[] samples, float[] values) {
        scores.remember(samples, values);
    }

    /**
     * The per-draw probabilities {@code q}: {@code score^alpha} normalised, mixed with the uniform
     * {@code floor}; uniform when no score is positive.
     */
    static double[] probabilities(double[] score, double alpha, double floor) {
        int n = score.length;
        double[] q = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            q[i] = score[i] > 0 ? Math.pow(score[i], alpha) : 0;
            sum += q[i];
        }
        for (int i = 0; i < n; i++) {
            q[i] = sum > 0 && Double.isFinite(sum) ? (1 - floor) * q[i] / sum + floor / n : 1.0 / n;
        }
        return q;
    }

    /**
     * Inclusion probabilities for drawing {@code m} without replacement: {@code pi_i = min(1, c * q_i)}
     * with {@code c} such that they sum to {@code m} (samples whose share would exceed 1 are taken
     * surely and the rest shared out again).
     */
    static double[] inclusion(double[] q, int m) {
        int n = q.length;
        boolean[] sure = new boolean[n];
        int sureCount = 0;
        double[] pi = new double[n];
        while (true) {
            double rest = 0;
            for (int i = 0; i < n; i++) {
                if (!sure[i]) {
                    rest += q[i];
                }
            }
            int left = m - sureCount;
            boolean capped = false;
            for (int i = 0; i < n; i++) {
                if (!sure[i] && left * q[i] >= rest) {
                    sure[i] = true;
                    sureCount++;
                    capped = true;
                }
            }
            if (!capped) {
                for (int i = 0; i < n; i++) {
                    pi[i] = sure[i] ? 1.0 : left * q[i] / rest;
                }
                return pi;
            }
        }
    }

    /**
     * Systematic sampling: walks {@code order}, laying each sample's {@code pi} end to end, and takes
     * the samples under the points {@code u, u + 1, ..., u + m - 1} for one uniform {@code u}. Every
     * sample is taken with probability exactly its {@code pi} (at most 1, so at most once); a random
     * order makes the draws of different samples nearly independent.
     */
    static int[] systematic(int[] order, double[] pi, int m, SplittableRandom random) {
        int[] picked = new int[m];
        boolean[] taken = new boolean[pi.length];
        double u = random.nextDouble();
        double end = 0;
        int k = 0;
        for (int i : order) {
            end += pi[i];
            if (k < m && u + k < end) {
                picked[k++] = i;
                taken[i] = true;
            }
        }
        // rounding can leave the last point just past the end: fill from the most likely samples
        for (int j = order.length - 1; k < m && j >= 0; j--) {
            if (!taken[order[j]] && pi[order[j]] > 0) {
                taken[order[j]] = true;
                picked[k++] = order[j];
            }
        }
        return picked;
    }

    static double clip(double w) {
        return Math.max(MIN_WEIGHT, Math.min(MAX_WEIGHT, w));
    }

}
