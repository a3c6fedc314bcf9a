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
 */
public record EnvironmentInfo(String javaVersion, String javaVendor, String os, int cpus, long maxHeapMb,
        String engine, String engineVersion, String djlVersion, String device, int threads, String gitCommit,
        String hostname) {
}
