package org.adaptivesparse.experiment;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.adaptivesparse.result.EnvironmentInfo;

/** Captures where a result is being measured. */
final class Environment {
    private Environment() {
    }

    static EnvironmentInfo capture() {
        Engine engine = Engine.getEngine("PyTorch");
        return new EnvironmentInfo(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), engine.defaultDevice().toString(),
                threads(), gitCommit(),
                hostname());
    }

    private static int threads() {
        try {
            return ai.djl.pytorch.jni.JniUtils.getNumThreads();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    /** The commit of the working directory, or null outside a git checkout or without git. */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }
}
