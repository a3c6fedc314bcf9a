package org.adaptivesparse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import org.adaptivesparse.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

class LearningRatesTest {

    @Test
    void constantByDefault() {
        Tracker t = LearningRates.tracker(ExperimentConfig.builder().epochs(4).learningRate(0.01).build(), 10);
        assertEquals(0.01f, t.getNewValue(0), 1e-9);
        assertEquals(0.01f, t.getNewValue(39), 1e-9);
    }

    @Test
    void cosineDecaysToZeroByTheLastStep() {
        Tracker t = LearningRates.tracker(ExperimentConfig.builder().epochs(4).learningRate(0.01).lrSchedule("cosine")
                .build(), 10);
        assertEquals(0.01f, t.getNewValue(0), 1e-7);
        assertEquals(0.005f, t.getNewValue(20), 1e-7);
        assertEquals(0f, t.getNewValue(40), 1e-7);
    }

    @Test
    void warmupRisesFromZeroThenTheScheduleRuns() {
        Tracker t = LearningRates.tracker(ExperimentConfig.builder().epochs(4).learningRate(0.01).lrSchedule("cosine")
                .lrWarmupEpochs(1).build(), 10);
        assertEquals(0f, t.getNewValue(0), 1e-7);
        assertEquals(0.005f, t.getNewValue(5), 1e-4);
        assertEquals(0.01f, t.getNewValue(10), 1e-4);
        assertEquals(0f, t.getNewValue(40), 1e-4);
    }
}
