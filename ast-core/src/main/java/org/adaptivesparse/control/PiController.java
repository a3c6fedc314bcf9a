package org.adaptivesparse.control;

/**
 * Holds the activation rate at a target by moving the gate threshold: a PI controller on the
 * exponentially smoothed per-batch rate, with anti-windup.
 *
 * <p>Once per batch, on that batch's own rate {@code r} (never the cumulative run rate, which reacts
 * ever more slowly as the run goes on):
 * <pre>
 * ema  = alpha * r + (1 - alpha) * ema          (starts at the target)
 * err  = ema - target
 * next = threshold + kp * err + ki * integral
 * if 0.01 &lt; next &lt; 0.99: integral = clamp(integral + err, -50, 50)
 * else:                   integral *= 0.9      (anti-windup: stop integrating while saturated)
 * threshold = clamp(next, 0.01, 0.99)
 * </pre>
 * Not thread-safe; one instance per training run.
 */
public final class PiController {
    /** Lowest threshold the controller will set. */
    public static final double MIN_THRESHOLD = 0.01;
    /** Highest threshold the controller will set. */
    public static final double MAX_THRESHOLD = 0.99;
    static final double INTEGRAL_LIMIT = 50.0;
    static final double WINDUP_DECAY = 0.9;

    private final double target;
    private final double kp;
    private final double ki;
    private final double alpha;
    private final double initialThreshold;
    private double threshold;
    private double ema;
    private double integral;

    public PiController(double target, double kp, double ki, double alpha, double initialThreshold) {
        this.target = target;
        this.kp = kp;
        this.ki = ki;
        this.alpha = alpha;
        this.initialThreshold = initialThreshold;
        reset();
    }

    /** Back to the initial state: threshold at its start value, EMA at the target, no integral. */
    public void reset() {
        threshold = initialThreshold;
        ema = target;
        integral = 0;
    }

    /**
     * Feeds one batch's activation rate and moves the threshold.
     *
     * @param batchRate active samples / batch size of the batch just gated
     * @return the new threshold
     */
    public double update(double batchRate) {
        ema = alpha * batchRate + (1 - alpha) * ema;
        double err = ema - target;
        double next = threshold + kp * err + ki * integral;
        if (next > MIN_THRESHOLD && next < MAX_THRESHOLD) {
            integral = Math.max(-INTEGRAL_LIMIT, Math.min(INTEGRAL_LIMIT, integral + err));
        } else {
            integral *= WINDUP_DECAY;
        }
        threshold = Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, next));
        return threshold;
    }

    public double threshold() {
        return threshold;
    }

    public double ema() {
        return ema;
    }

    public double integral() {
        return integral;
    }

    public double target() {
        return target;
    }
}
