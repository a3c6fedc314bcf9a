package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads on loopback: kept only with the known SHA-256, and nothing partial is ever left. */
class VerifiedDownloadTest {
    private static final String FILE = "train-labels-idx1-ubyte.gz";
    private static final byte[] CONTENT = TestFiles.gzip(TestFiles.idxLabels(2049, new byte[] {1, 2, 3}));

    @TempDir
    Path tmp;

    private LoopbackServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private String serve(Map<String, byte[]> files) throws IOException {
        server = new LoopbackServer(files);
        return server.baseUrl();
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void matchingHashLandsInPlace() throws Exception {
        String base = serve(Map.of(FILE, CONTENT));
        Path target = tmp.resolve("cache").resolve(FILE);

        new VerifiedDownload(Map.of(FILE, TestFiles.sha256(CONTENT))).fetch(base + FILE, target, FILE);

        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        assertEquals(List.of(FILE), names(target.getParent()));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Path reference = Files.createFile(tmp.resolve("reference"));
            assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target),
                    "the cached file gets the umask's permissions");
        }
    }

    @Test
    void wrongHashIsRejectedAndLeavesNothing() throws IOException {
        String base = serve(Map.of(FILE, CONTENT));
        String wrong = "0".repeat(64);
        Path target = tmp.resolve("cache").resolve(FILE);

        VerifiedDownload.DownloadFailure e = assertThrows(VerifiedDownload.DownloadFailure.class,
                () -> new VerifiedDownload(Map.of(FILE, wrong)).fetch(base + FILE, target, FILE));

        String m = e.getMessage();
        assertEquals(base + FILE + " returned a file with SHA-256 " + TestFiles.sha256(CONTENT) + " but " + FILE
                + " must have SHA-256 " + wrong + "; the download was discarded", m);
        assertEquals(List.of(), names(target.getParent()), "neither the file nor a temporary copy remains");
    }

    @Test
    void fileWithoutAKnownHashIsNotRequested() throws IOException {
        String base = serve(Map.of(FILE, CONTENT));
        Path target = tmp.resolve("cache").resolve(FILE);

        VerifiedDownload.DownloadFailure e = assertThrows(VerifiedDownload.DownloadFailure.class,
                () -> new VerifiedDownload(Map.of()).fetch(base + FILE, target, FILE));

        assertTrue(e.getMessage().contains("no SHA-256 is known for " + FILE), e.getMessage());
        assertEquals(0, server.requests());
        assertTrue(Files.notExists(target));
    }

    @Test
    void httpErrorIsNamedAndLeavesNothing() throws IOException {
        String base = serve(Map.of());
        Path target = tmp.resolve("cache").resolve(FILE);

        VerifiedDownload.DownloadFailure e = assertThrows(VerifiedDownload.DownloadFailure.class,
                () -> new VerifiedDownload(Map.of(FILE, TestFiles.sha256(CONTENT))).fetch(base + FILE, target, FILE));

        assertEquals(base + FILE + " answered HTTP 404", e.getMessage());
        assertEquals(List.of(), names(target.getParent()));
    }
}
