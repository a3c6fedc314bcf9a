package org.adaptivesparse.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
    @TempDir
    Path dir;

    /** What the umask gives a new file here: the permissions every written file must have. */
    private String umaskPermissions() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference"))));
    }

    @Test
    void writtenFilesGetTheUmasksPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        String expected = umaskPermissions();
        Path file = dir.resolve("out").resolve("result.json");

        TextFiles.write(file, "{}\n");
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        TextFiles.write(file, "{\"again\": true}\n");
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "after a rewrite");

        assertEquals("{\"again\": true}\n", Files.readString(file));
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of("result.json"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }
}
