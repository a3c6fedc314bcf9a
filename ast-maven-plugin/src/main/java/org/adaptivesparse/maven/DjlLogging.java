package org.adaptivesparse.maven;

import java.util.Map;

/**
 * Keeps DJL's own log lines out of a normal Maven log. DJL logs through SLF4J, which in Maven 3.8 and
 * 3.9 is Maven's build of slf4j-simple: it reads a logger's level from the system property
 * {@code org.slf4j.simpleLogger.log.<logger>} (before {@code conf/logging/simplelogger.properties})
 * when the logger is created, so setting it before the engine loads is enough, and touches no other
 * plugin's logging. DJL's INFO lines (platform, thread counts, graph optimizer) go, and so does
 * {@code CudaUtils}' "Failed to detect GPU count" WARNING, which a machine with a CUDA runtime but
 * no usable GPU prints twice on every run; the report's environment section names the device used.
 * A property the user set ({@code -Dorg.slf4j.simpleLogger.log.ai.djl=info}) is left alone.
 */
final class DjlLogging {
    static final String PREFIX = "org.slf4j.simpleLogger.log.";
    static final Map<String, String> LEVELS = Map.of(
            PREFIX + "ai.djl", "warn",
            PREFIX + "ai.djl.util.cuda.CudaUtils", "error");

    private DjlLogging() {
    }

    /** Sets each level that is not set yet. */
    static void quiet() {
        LEVELS.forEach((key, level) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, level);
            }
        });
    }
}
