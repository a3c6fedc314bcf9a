package org.adaptivesparse.result;

import java.nio.file.Path;

/**
 * A file AST reads or writes (result, baseline, history, output directory) is missing, malformed
 * or cannot be written. The message names the file and the problem, and both front ends show it as
 * it is.
 */
public class AstFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public AstFileException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public AstFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file or directory at fault. */
    public Path file() {
        return file;
    }
}
