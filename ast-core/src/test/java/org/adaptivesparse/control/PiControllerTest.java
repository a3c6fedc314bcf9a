package org.adaptivesparse.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PiControllerTest {

    /** Simulates a hard gate on a batch whose significances follow a skewed distribution like real ones. */
    private static double batchRate(SplittableRandom r, double threshold, int b, double drift) {
        int active = 0;
        for (int i = 0; i < b; i++) {
            double u = r.nextDouble();
            double sig = Math.min(1, Math.max(0, 0.25 + drift + 0.5 * u * u));
            if (sig > threshold) {
                active++;
            }
        }
        return (double) active / b;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.10, 0.30, 0.50})
    void defaultGainsHoldEpochActivationWithinOnePoint(double target) {
        PiController c = new PiController(target, ExperimentConfig.DEFAULT_KP, ExperimentConfig.DEFAULT_KI, 0.3, 0.5);
        SplittableRandom r = new SplittableRandom(7);
        int batches = 469;
        for (int epoch = 1; epoch <= 3; epoch++) {
            double sum = 0;
            for (int i = 0; i < batches; i++) {
                // the significance distribution drifts slowly as a model learns
                double drift = -0.1 * (epoch - 1 + (double) i / batches) / 3;
                double rate = batchRate(r, c.threshold(), 128, drift);
                sum += rate;
                c.update(rate);
            }
            double epochRate = sum / batches;
            if (epoch >= 2) {
                assertEquals(target, epochRate, 0.01, "epoch " + epoch + " activation at target " + target);
            }
        }
    }

    /** Mean activation over the epoch after the significance distribution jumps, having settled before it. */
    private static double epochAfterShift(double kp, double ki) {
        PiController c = new PiController(0.10, kp, ki, 0.3, 0.5);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            c.update(batchRate(r, c.threshold(), 128, 0));
        }
        double sum = 0;
        for (int i = 0; i < 469; i++) {
            double rate = batchRate(r, c.threshold(), 128, 0.15);
            sum += rate;
            c.update(rate);
        }
        return sum / 469;
    }

    @Test
    void defaultGainsFollowAShiftWithinAnEpochWhereTheSeedGainsDoNot() {
        assertEquals(0.10, epochAfterShift(ExperimentConfig.DEFAULT_KP, ExperimentConfig.DEFAULT_KI), 0.01);
        double seed = epochAfterShift(0.0015, 0.00005);
        assertTrue(Math.abs(seed - 0.10) > 0.01, "seed gains followed the shift: " + seed);
    }

    @Test
    void firstUpdateFollowsTheFormula() {
        PiController c = new PiController(0.1, 0.2, 0.01, 0.3, 0.5);
        double t = c.update(0.5);
        double ema = 0.3 * 0.5 + 0.7 * 0.1;
        double err = ema - 0.1;
        assertEquals(0.5 + 0.2 * err, t, 1e-12);
        assertEquals(err, c.integral(), 1e-12);
        double t2 = c.update(0.5);
        double ema2 = 0.3 * 0.5 + 0.7 * ema;
        double err2 = ema2 - 0.1;
        assertEquals(t + 0.2 * err2 + 0.01 * err, t2, 1e-12);
    }

    @Test
    void antiWindupStopsIntegratingWhileSaturated() {
        PiController c = new PiController(0.1, 0.15, 0.005, 0.3, 0.5);
        for (int i = 0; i < 2000; i++) {
            c.update(1.0); // everything passes: the threshold saturates at the top
        }
        assertEquals(PiController.MAX_THRESHOLD, c.threshold(), 1e-12);
        assertTrue(Math.abs(c.integral()) <= PiController.INTEGRAL_LIMIT);
        double saturatedIntegral = c.integral();
        // once the stream turns, a wound-up integral would hold the threshold at the top for hundreds of batches
        int batches = 0;
        while (c.threshold() >= PiController.MAX_THRESHOLD - 1e-9 && batches < 1000) {
            c.update(0.0);
            batches++;
        }
        assertTrue(batches < 20, "threshold left saturation after " + batches + " batches (integral was "
                + saturatedIntegral + ")");
    }

    @Test
    void integralIsClampedInsideTheBand() {
        PiController c = new PiController(0.5, 0.0, 0.0, 1.0, 0.5);
        for (int i = 0; i < 500; i++) {
            c.update(1.0);
        }
        assertEquals(PiController.INTEGRAL_LIMIT, c.integral(), 1e-12);
        assertEquals(0.5, c.threshold(), 1e-12);
    }

    @Test
    void resetRestoresInitialState() {
        PiController c = new PiController(0.2, 0.15, 0.005, 0.3, 0.4);
        c.update(0.9);
        c.update(0.9);
        c.reset();
        assertEquals(0.4, c.threshold());
        assertEquals(0.2, c.ema());
        assertEquals(0.0, c.integral());
    }
}
