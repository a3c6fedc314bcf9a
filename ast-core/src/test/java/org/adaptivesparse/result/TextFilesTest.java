package org.adaptivesparse.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteThatFailsWhileWritingLeavesTheOldFileWhole() throws Exception {
        Path file = dir.resolve("ast-baseline.json");
        Files.writeString(file, "{\"schemaVersion\": 1}\n");
        // half of a surrogate pair cannot be encoded: the failure comes while the new content is written
        AstFileException e = assertThrows(AstFileException.class, () -> TextFiles.write(file, "{\"name\": \"\uD800\"}"));
        assertTrue(e.getMessage().startsWith(file + " cannot be written: "), e.getMessage());
        assertEquals("{\"schemaVersion\": 1}\n", Files.readString(file));
        assertEquals(List.of("ast-baseline.json"), names(), "no temporary file left");
    }

    @Test
    void aWriteThatFailsAtTheMoveLeavesNoTemporaryFile() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("result.json"));
        Files.writeString(taken.resolve("inside"), "x");
        AstFileException e = assertThrows(AstFileException.class, () -> TextFiles.write(taken, "{}\n"));
        assertTrue(e.getMessage().startsWith(taken + " cannot be written: "), e.getMessage());
        assertEquals("x", Files.readString(taken.resolve("inside")));
        assertEquals(List.of("result.json"), names(), "no temporary file left");
    }
}
