package org.adaptivesparse.result;

/**
 * Where a result was measured, so figures from different machines are not compared blindly.
 *
 * @param javaVersion   {@code java.version}
 * @param javaVendor    {@code java.vendor}
 * @param os            OS name, version and architecture
 * @param cpus          available processors
 * @param maxHeapMb     JVM maximum heap in MiB
 * @param engine        DJL engine name, e.g. PyTorch
 * @param engineVersion the engine's version, e.g. 2.7.1
 * @param djlVersion    DJL's version
 * @param device        the device trained on, e.g. cpu()
 * @param threads       intra-op threads the engine uses, when known (0 when not)
 * @param gitCommit     the working directory's git commit when available, else null
 * @param hostname      the machine's host name, when known
 * @param cpuModel      the CPU's model name ({@code /proc/cpuinfo}), null when unknown or in older results
 * @param cpuFlags      a digest of the CPU's feature flags ({@code sha256:} and 12 hex digits of the sorted
 *                      flags): libtorch picks its kernels by them (AVX2, AVX-512, ...), so two machines with
 *                      different flags can compute different figures from the same seed; null when unknown
 */
public record EnvironmentInfo(String javaVersion, String javaVendor, String os, int cpus, long maxHeapMb,
        String engine, String engineVersion, String djlVersion, String device, int threads, String gitCommit,
        String hostname, String cpuModel, String cpuFlags) {

    /** An environment described without its CPU, as results before the CPU was recorded read. */
    public EnvironmentInfo(String javaVersion, String javaVendor, String os, int cpus, long maxHeapMb,
            String engine, String engineVersion, String djlVersion, String device, int threads, String gitCommit,
            String hostname) {
        this(javaVersion, javaVendor, os, cpus, maxHeapMb, engine, engineVersion, djlVersion, device, threads, gitCommit,
                hostname, null, null);
    }

    /**
     * What besides the settings decides the figures, by name: CPU model and flags, engine, its version,
     * DJL's, the device and the engine's threads. Two runs with equal settings, seed and fingerprint
     * compute the same figures when the engine is deterministic (one thread); a value that is not known
     * is {@code "unknown"}, which never matches anything.
     */
    public java.util.Map<String, String> fingerprint() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("cpuModel", known(cpuModel));
        m.put("cpuFlags", known(cpuFlags));
        m.put("engine", known(engine == null ? null : engine + " " + engineVersion));
        m.put("djl", known(djlVersion));
        m.put("device", known(device));
        m.put("threads", threads <= 0 ? UNKNOWN : String.valueOf(threads));
        return m;
    }

    /** The value of a fingerprint entry nobody could determine. */
    public static final String UNKNOWN = "unknown";

    private static String known(String v) {
        return v == null || v.isBlank() ? UNKNOWN : v;
    }
}
