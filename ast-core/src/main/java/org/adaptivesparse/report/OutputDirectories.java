package org.adaptivesparse.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adaptivesparse.result.AstFileException;

/** Makes sure outputs can be written before any training time is spent. */
public final class OutputDirectories {
    private OutputDirectories() {
    }

    /**
     * Creates {@code dir} (and its parents) and proves it writable by creating and deleting a probe file.
     *
     * @return {@code dir}
     * @throws AstFileException naming the path, e.g.
     *         {@code output directory target/ast cannot be created: target exists and is not a directory}
     */
    public static Path prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new AstFileException(dir, "output directory " + dir + " cannot be created: " + dir
                    + " exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            String what = e.getFile() == null ? "a part of the path" : e.getFile();
            throw new AstFileException(dir, "output directory " + dir + " cannot be created: " + what
                    + " exists and is not a directory", e);
        } catch (FileSystemException e) {
            throw new AstFileException(dir, "output directory " + dir + " cannot be created: "
                    + (e.getReason() != null ? e.getReason() + " (" + e.getFile() + ")" : e.getMessage()), e);
        } catch (IOException e) {
            throw new AstFileException(dir, "output directory " + dir + " cannot be created: " + e.getMessage(), e);
        }
        try {
            Path probe = Files.createTempFile(dir, ".ast-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new AstFileException(dir, "output directory " + dir + " is not writable: " + e.getMessage(), e);
        }
        return dir;
    }
}
