package org.adaptivesparse.experiment;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.TreeSet;
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
                hostname(), cpuInfo("model name"), flagsDigest(cpuInfo("flags")));
    }

    /** The first value of {@code key} in /proc/cpuinfo, null where there is none (not Linux, unreadable). */
    static String cpuInfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** {@code sha256:} and 12 hex digits of the sorted, space-joined flags; null for null. */
    static String flagsDigest(String flags) {
        if (flags == null) {
            return null;
        }
        String sorted = String.join(" ", new TreeSet<>(Arrays.asList(flags.trim().split("\\s+"))));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sorted.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
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
