package org.adaptivesparse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class LibtorchThreadsTest {

    @Test
    void zeroMeansHalfTheProcessorsAtLeastOne() {
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), LibtorchThreads.resolve(0));
        assertEquals(3, LibtorchThreads.resolve(3));
    }

    @Test
    void applySetsLibtorchsIntraOpThreads() {
        Engine.getEngine("PyTorch"); // loads libtorch before its thread count is read
        int before = JniUtils.getNumThreads();
        try {
            assertEquals(1, LibtorchThreads.apply(1));
            assertEquals(1, JniUtils.getNumThreads());
            assertEquals(2, LibtorchThreads.apply(2));
            assertEquals(2, JniUtils.getNumThreads());
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
