package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The {@code ast} policy with {@code stale} selection: each sample's loss as last seen, so no batch
 * needs a scoring forward pass.
 *
 * <p>A sample's loss is remembered from its own training forward pass (free: that pass runs anyway)
 * and, if {@code staleRefreshEpochs} is above 0, refreshed for every sample by one inference sweep
 * every that many epochs (by default never: after a sweep the greedy share is the globally hardest
 * samples, and accuracy fell 3 to 8 points in the epoch after it). Samples never seen count at the
 * mean of the known losses.
 *
 * <p>Selection is planned once per epoch, not per batch: the epoch's budget of
 * {@code round(target * n)} samples is {@code 1 - staleExploration} of it chosen by stored loss
 * (see below; ties, such as the never-seen samples, broken at random) and {@code staleExploration} of it drawn
 * at random from the rest. The epoch's shuffled order is then rearranged so that every batch holds
 * the same number of chosen samples (12 or 13 of 128 at 10 %): the step count and the sub-batch size
 * stay those of the {@code random} control, which matters as much as which samples are chosen. The
 * rate is exact by construction, so the PI controller has nothing to hold and is not consulted.
 * Exploration is what keeps a sample whose loss was once low from being left out for good.
 *
 * <p>Two options shape the loss-driven share. {@code staleSkipTop} leaves that fraction of all
 * samples, highest stored losses first (likely mislabeled or ambiguous), to the random share and
 * takes the loss-driven share from the band below. {@code staleSampling} {@code proportional} draws
 * the loss-driven share at random without replacement with probability proportional to the stored
 * loss, instead of {@code greedy}'s highest-first; {@code coverage} proportional to the stored loss
 * times the epochs since the sample was last trained, so long-untrained samples come back;
 * {@code percentile} proportional to {@code p^percentileBeta}, {@code p} the stored loss's percentile
 * among the last {@link #HISTORY} training-forward losses (Selective Backprop's selection probability,
 * in its stale variant, drawn to the exact budget). The default is {@code proportional} with
 * {@code staleExploration} 0.3 and no skip, the best variant at epoch resolution over 8 seeds; at 4
 * evaluations per epoch on fresh seeds it reached 0.88 before {@code random} on 1 of 4, so it is not
 * shown to beat random (docs/benchmarks.md); skipping the top 2 % did not help.
 *
 * <p>By default ({@code score=loss}) the ranking uses the stored loss alone: a sample's pixel spread
 * never changes, so weighting it in would replay the same high-contrast images every epoch.
 * {@code score=gradnorm} and {@code score=article} store another score instead (see {@link StoredScores}).
 */
final class StaleAstSelection implements SelectionStrategy {
    /** Scores a sample's percentile is taken among, as in Selective Backprop. */
    static final int HISTORY = 1024;

    private final ImageTensors t;
    private final ScoringModel model;
    private final SplittableRandom random;
    private final int refreshEvery;
    private final double exploration;
    private final double target;
    private final StaleSampling sampling;
    private final double beta;
    private final double skipTop;
    private final PressureSchedule schedule;
    private final StoredScores scores;
    private final boolean[] chosen;
    /** With {@code coverage}: the epoch each sample was last trained in, 0 for never. */
    private final int[] lastTrained;
    /** With {@code percentile}: the last {@link #HISTORY} scores of training forwards, a ring. */
    private final float[] history = new float[HISTORY];
    private int historyCount;
    private int epoch;

    StaleAstSelection(ImageTensors t, ScoringModel model, StaleMode.Settings settings, SplittableRandom random) {
        this.t = t;
        this.model = model;
        this.random = random;
        this.refreshEvery = settings.refreshEvery();
        this.exploration = settings.exploration();
        this.target = settings.target();
        this.sampling = settings.sampling();
        this.beta = settings.percentileBeta();
        this.skipTop = settings.skipTop();
        this.schedule = settings.stored().schedule();
        this.scores = settings.stored().scores(t);
        this.chosen = new boolean[t.size()];
        this.lastTrained = new int[t.size()];
    }

    /** A refresh sweep when one is due (timed as scoring), then the epoch's plan. */
    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        long scored = 0;
        long scoringNanos = 0;
        if (refreshDue(epoch)) {
            long s0 = System.nanoTime();
            refresh();
            scoringNanos = System.nanoTime() - s0;
            scored = t.size();
        }
        this.epoch = epoch;
        planEpoch(order, batchSize, schedule.uniformShare(epoch, exploration));
        return new EpochPlan(false, scored, scoringNanos);
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        return BatchSelection.of(choose(batch).active());
    }

    /** Remembers the score of every trained sample, from the training forward pass's logits. */
    @Override
    public void trained(long[] samples, NDArray logits) {
        float[] seen = scores.rememberLogits(samples, logits.stopGradient().toFloatArray());
        for (int i = 0; i < samples.length; i++) {
            lastTrained[(int) samples[i]] = epoch;
            if (Float.isFinite(seen[i])) {
                history[historyCount++ % HISTORY] = seen[i];
            }
        }
    }

    /** True at the start of AST epochs 1 + k * refreshEvery for k of at least 1 (epoch counted from the first AST epoch). */
    boolean refreshDue(int astEpoch) {
        return refreshEvery > 0 && astEpoch > 1 && (astEpoch - 1) % refreshEvery == 0;
    }

    /** One inference sweep over the training set that refreshes every stored loss. */
    private void refresh() {
        int n = t.size();
        for (int from = 0; from < n; from += ImageTensors.SWEEP_BATCH) {
            int to = Math.min(n, from + ImageTensors.SWEEP_BATCH);
            try (NDManager bm = t.images().getManager().newSubManager()) {
                NDArray x = t.images().get(bm, new NDIndex("{}:{}", from, to));
                float[] logits = model.logits(x).toFloatArray();
                long[] idx = new long[to - from];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = from + i;
                }
                scores.rememberLogits(idx, logits);
            }
        }
    }

    /**
     * Chooses the epoch's samples and rearranges {@code order}, the epoch's shuffled permutation, so
     * that each batch of {@code batchSize} holds an equal share of them.
     */
    void planEpoch(int[] order, int batchSize) {
        planEpoch(order, batchSize, exploration);
    }

    /** The same with {@code exploration}, this epoch's random share (see {@link PressureSchedule}). */
    void planEpoch(int[] order, int batchSize, double exploration) {
        int n = order.length;
        int budget = (int) Math.max(1, Math.min(n, Math.round(target * n)));
        int explore = (int) Math.round(exploration * budget);
        int greedy = budget - explore;
        float unseen = scores.mean();
        // order is already a random permutation, so a stable sort on it breaks ties at random
        Integer[] byLoss = new Integer[n];
        for (int i = 0; i < n; i++) {
            byLoss[i] = order[i];
        }
        Arrays.sort(byLoss, (a, b) -> Float.compare(score(b, unseen), score(a, unseen)));
        // staleSkipTop: the very highest stored losses (likely mislabeled or ambiguous) are left to the
        // random share; the loss-driven share is taken from the band below them
        int skip = (int) Math.min(n - greedy, Math.round(skipTop * n));
        if (sampling != StaleSampling.GREEDY && greedy > 0) {
            // weighted sampling without replacement (Efraimidis-Spirakis): key log(u) / weight, largest
            // keys win, so a sample is drawn with probability proportional to its weight
            int m = n - skip;
            double[] key = new double[n];
            float[] sorted = sampling == StaleSampling.PERCENTILE ? sortedHistory() : null;
            for (int i = skip; i < n; i++) {
                double w = weight(byLoss[i], unseen, sorted);
                double u = random.nextDouble();
                key[byLoss[i]] = w > 0 ? Math.log(Math.max(u, Double.MIN_VALUE)) / w : Double.NEGATIVE_INFINITY;
            }
            Integer[] band = Arrays.copyOfRange(byLoss, skip, n);
            Arrays.sort(band, (a, b) -> Double.compare(key[b], key[a]));
            System.arraycopy(band, 0, byLoss, skip, m);
        }
        if (skip > 0) {
            // move the skipped head behind the loss-driven share
            Integer[] head = Arrays.copyOfRange(byLoss, 0, skip);
            System.arraycopy(byLoss, skip, byLoss, 0, greedy);
            System.arraycopy(head, 0, byLoss, greedy, skip);
        }
        Arrays.fill(chosen, false);
        int[] picked = new int[budget];
        int[] rest = new int[n - greedy];
        for (int i = 0; i < greedy; i++) {
            picked[i] = byLoss[i];
        }
        for (int i = greedy; i < n; i++) {
            rest[i - greedy] = byLoss[i];
        }
        for (int i = 0; i < explore; i++) {
            int j = i + random.nextInt(rest.length - i);
            int tmp = rest[i];
            rest[i] = rest[j];
            rest[j] = tmp;
            picked[greedy + i] = rest[i];
        }
        for (int i = 0; i < budget; i++) {
            chosen[picked[i]] = true;
        }
        Permutations.shuffle(picked, random);
        EpochSpread.spread(order, picked, chosen, batchSize);
    }

    private float score(int i, float unseen) {
        return scores.get(i, unseen);
    }

    /**
     * A sample's weight in the score-driven share: {@code proportional} its stored score;
     * {@code coverage} that times the epochs since it was last trained (a sample never trained counts
     * from before the first epoch); {@code percentile} the share of recent training-forward scores
     * below its own, to the power {@code percentileBeta}.
     */
    double weight(int i, float unseen, float[] sortedHistory) {
        float s = score(i, unseen);
        return switch (sampling) {
            case COVERAGE -> (double) s * Math.max(1, epoch - lastTrained[i]);
            case PERCENTILE -> Math.pow(percentile(sortedHistory, s), beta);
            case GREEDY, PROPORTIONAL -> s;
        };
    }

    private float[] sortedHistory() {
        float[] h = Arrays.copyOf(history, Math.min(historyCount, HISTORY));
        Arrays.sort(h);
        return h;
    }

    /**
     * Where {@code s} falls among {@code sorted}: {@code (below + ties / 2 + 1/2) / (H + 1/2)}, in
     * (0, 1], 1 above every recent score; 1 when there is no history yet, so every weight is equal.
     */
    static double percentile(float[] sorted, float s) {
        if (sorted.length == 0) {
            return 1.0;
        }
        int below = lowerBound(sorted, s);
        int upTo = upperBound(sorted, s);
        return (below + 0.5 * (upTo - below) + 0.5) / (sorted.length + 0.5);
    }

    private static int lowerBound(float[] a, float v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(float[] a, float v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The positions in {@code batchIdx} of the samples chosen for this epoch, ascending; when the
     * batch holds none, {@link Gate#FALLBACK} drawn at random.
     */
    Gate.Selection choose(long[] batchIdx) {
        int[] active = EpochSpread.positions(batchIdx, chosen);
        if (active == null) {
            return new Gate.Selection(Gate.randomSubset(random, batchIdx.length, Math.min(Gate.FALLBACK,
                    batchIdx.length)), true);
        }
        return new Gate.Selection(active, false);
    }

    /** Remembers the per-sample scores of a training forward pass. */
    void remember(long[] idx, float[] perSampleScore) {
        scores.remember(idx, perSampleScore);
    }
}
