package org.adaptivesparse.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's threads for a run. Inter-op parallelism is never used by these models, so it is one
 * thread; intra-op threads are the {@code threads} option, by default half the processors (at least
 * one): libtorch's OpenMP workers spin while they wait, so two training processes that each take
 * every core slow each other down several times (docs/running.md, "Threads").
 */
public final class LibtorchThreads {
    static final String INTEROP_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    private LibtorchThreads() {
    }

    /** The intra-op threads a configured value means: itself, or for 0 half the processors, at least 1. */
    public static int resolve(int configured) {
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * Sets libtorch's intra-op threads for what follows in this process; returns the number set. The
     * inter-op count can only be chosen before the engine starts, so it is set then (unless the user
     * set {@code ai.djl.pytorch.num_interop_threads}) and left alone after.
     */
    public static int apply(int configured) {
        int n = resolve(configured);
        if (System.getProperty(INTEROP_PROPERTY) == null) {
            System.setProperty(INTEROP_PROPERTY, "1");
        }
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(n);
        return n;
    }
}
