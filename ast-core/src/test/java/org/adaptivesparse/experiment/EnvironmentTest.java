package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnvironmentTest {
    @Test
    void theFlagsDigestIgnoresOrderAndSpacingButNotAFlag() {
        String a = Environment.flagsDigest("fpu sse sse2 avx2");
        assertTrue(a.matches("sha256:[0-9a-f]{12}"), a);
        assertEquals(a, Environment.flagsDigest("  avx2 sse2\tfpu  sse "));
        assertNotEquals(a, Environment.flagsDigest("fpu sse sse2 avx2 avx512f"));
        assertNull(Environment.flagsDigest(null));
    }

    @Test
    void whereCpuinfoListsFlagsTheyAreRead() throws Exception {
        java.nio.file.Path info = java.nio.file.Path.of("/proc/cpuinfo");
        if (java.nio.file.Files.isReadable(info) && java.nio.file.Files.readString(info).contains("\nflags")) {
            assertTrue(Environment.cpuInfo("flags").contains("fpu"), Environment.cpuInfo("flags"));
        }
        assertNull(Environment.cpuInfo("no such key in cpuinfo"));
    }
}
