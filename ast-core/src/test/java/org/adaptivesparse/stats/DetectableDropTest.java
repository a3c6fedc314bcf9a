package org.adaptivesparse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DetectableDropTest {

    @Test
    void tQuantilesMatchTheTables() {
        // one-sided 95 % points of the usual t table
        assertEquals(6.3138, StudentT.quantile(0.95, 1), 1e-4);
        assertEquals(2.9200, StudentT.quantile(0.95, 2), 1e-4);
        assertEquals(2.3534, StudentT.quantile(0.95, 3), 1e-4);
        assertEquals(2.1318, StudentT.quantile(0.95, 4), 1e-4);
        assertEquals(1.8331, StudentT.quantile(0.95, 9), 1e-4);
        assertEquals(1.66023, StudentT.quantile(0.95, 100), 1e-5);
        assertEquals(12.7062, StudentT.quantile(0.975, 1), 1e-4);
        assertEquals(-2.1318, StudentT.quantile(0.05, 4), 1e-4);
        assertEquals(0.5, StudentT.cdf(0, 7), 1e-12);
        // df 1 is the Cauchy distribution: P(T <= 1) = 3/4
        assertEquals(0.75, StudentT.cdf(1, 1), 1e-10);
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1.0, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.95, 0));
    }

    @Test
    void twoSampleBoundPoolsBothSpreads() {
        // sd of {0.70, 0.72} and of {0.71, 0.73} is sqrt(0.0002); df 2, t 2.920; sqrt(1/2 + 1/2) = 1
        double sd = Math.sqrt(0.0002);
        assertEquals(sd, DetectableDrop.sd(0.70, 0.72), 1e-12);
        assertEquals(sd, DetectableDrop.pooledSd(new double[] {0.70, 0.72}, new double[] {0.71, 0.73}), 1e-12);
        assertEquals(2.9200 * sd, DetectableDrop.twoSample(new double[] {0.70, 0.72}, new double[] {0.71, 0.73}), 1e-5);
        // one seed on the baseline's side: the spread comes from this run's seeds alone, df 1
        assertEquals(6.3138 * sd * Math.sqrt(1.5), DetectableDrop.twoSample(new double[] {0.70},
                new double[] {0.71, 0.73}), 1e-5);
        // one seed on each side: no spread to estimate
        assertTrue(Double.isNaN(DetectableDrop.twoSample(new double[] {0.70}, new double[] {0.71})));
    }

    @Test
    void moreSeedsBringTheBoundDown() {
        double sd = 0.05;
        // 2 + 2 seeds: 2.920 * 0.05 = 0.146; 5 + 5: t(8) 1.860 * 0.05 * sqrt(0.4) = 0.0588
        assertEquals(0.146, DetectableDrop.twoSample(sd, 2, 2), 1e-3);
        assertEquals(0.0588, DetectableDrop.twoSample(sd, 5, 5), 1e-4);
        assertEquals(5, DetectableDrop.seedsFor(sd, 0.06, 2));
        assertEquals(-1, DetectableDrop.seedsFor(sd, 0.001, 2));
    }

    @Test
    void pairedAndPredictionBounds() {
        // differences 0.01, 0.03, 0.02: sd 0.01, t(2) 2.920, / sqrt(3)
        assertEquals(2.9200 * 0.01 / Math.sqrt(3), DetectableDrop.paired(new double[] {0.01, 0.03, 0.02}), 1e-5);
        // a history of 0.70 .. 0.74 (sd 0.0158): t(4) 2.132 * sd * sqrt(1.2)
        double s = DetectableDrop.sd(0.70, 0.71, 0.72, 0.73, 0.74);
        assertEquals(Math.sqrt(0.00025), s, 1e-12);
        assertEquals(2.1318 * s * Math.sqrt(1.2), DetectableDrop.prediction(new double[] {0.70, 0.71, 0.72, 0.73, 0.74}),
                1e-5);
        assertTrue(Double.isNaN(DetectableDrop.prediction(new double[] {0.7})));
    }
}
