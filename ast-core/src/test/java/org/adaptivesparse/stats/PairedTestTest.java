package org.adaptivesparse.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedTestTest {

    @Test
    void signTestMatchesTheBinomialTail() {
        // 8 of 8: 2 * (1/2)^8
        assertEquals(2.0 / 256, PairedTest.sign(8, 0), 1e-12);
        // 7 of 8: 2 * (1 + 8) / 256
        assertEquals(18.0 / 256, PairedTest.sign(8, 1), 1e-12);
        assertEquals(1.0, PairedTest.sign(4, 2), 1e-12);
        assertEquals(1.0, PairedTest.sign(0, 0), 1e-12);
    }

    @Test
    void wilcoxonCountsSignPatterns() {
        // all 6 differences positive: p = 2 / 2^6
        assertEquals(2.0 / 64, PairedTest.wilcoxon(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)), 1e-12);
        // [1, 2, 3, 4, 5, -6]: W- = 6; 14 of the 64 sign patterns have a rank sum of at most 6, so p = 2 * 14 / 64
        assertEquals(0.4375, PairedTest.wilcoxon(List.of(1.0, 2.0, 3.0, 4.0, 5.0, -6.0)), 1e-12);
        // symmetric: p = 1
        assertEquals(1.0, PairedTest.wilcoxon(List.of(1.0, -1.0)), 1e-12);
    }

    @Test
    void pairsCountWinsLossesAndTiesInTheRightDirection() {
        PairedTest times = PairedTest.of(new double[] {10, 12, 9, 11}, new double[] {12, 12, 10, 10}, true);
        assertEquals(2, times.wins());
        assertEquals(1, times.losses());
        assertEquals(1, times.ties());
        assertEquals(3, times.n());
        PairedTest acc = PairedTest.of(new double[] {0.9, 0.8}, new double[] {0.8, 0.7}, false);
        assertEquals(2, acc.wins());
        assertEquals(0, acc.losses());
        assertEquals(0.5, acc.signP(), 1e-12);
    }

    @Test
    void spreadIsMedianMinMaxWithoutNaN() {
        assertEquals(new Spread(2.0, 1.0, 5.0, 3), Spread.of(5, Double.NaN, 1, 2));
        assertEquals(new Spread(2.5, 1.0, 4.0, 4), Spread.of(4, 1, 3, 2));
        assertEquals(0, Spread.of(Double.NaN).n());
    }
}
