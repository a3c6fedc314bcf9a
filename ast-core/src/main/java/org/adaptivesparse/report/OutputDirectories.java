package org.adaptivesparse.report;

import java.io.IOException;
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
        Path blocker = firstNonDirectory(dir);
        if (blocker != null) {
            throw new AstFileException(dir, "output directory " + dir + " cannot be created: " + blocker
                    + " exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
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

    /** {@code dir} or its nearest existing ancestor when that is a file, else null. */
    private static Path firstNonDirectory(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (Files.isDirectory(p)) {
                    return null;
                }
                return relativeAncestor(dir, p);
            }
        }
        return null;
    }

    /** The ancestor {@code abs} written the way the user wrote {@code dir}, so the message shows their path. */
    private static Path relativeAncestor(Path dir, Path abs) {
        Path p = dir;
        while (p != null && !p.toAbsolutePath().equals(abs)) {
            p = p.getParent();
        }
        return p == null ? abs : p;
    }
}
