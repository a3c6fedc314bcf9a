package org.adaptivesparse.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Reading and writing UTF-8 text files with messages that name the file. */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * Writes {@code text} to {@code file}, creating parent directories. Written to a sibling
     * temporary file first and moved into place, so a reader never sees half a file. The file gets
     * the permissions the umask gives any new file ({@code -rw-r--r--} under the usual 022).
     *
     * @throws AstFileException naming the file when it cannot be written
     */
    public static void write(Path file, String text) {
        Path tmp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            tmp = createSibling(file.toAbsolutePath());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new AstFileException(file, file + " cannot be written: " + describe(e), e);
        }
    }

    /**
     * Creates an empty temporary file beside {@code file}. Not {@link Files#createTempFile}: its
     * files are owner-only ({@code -rw-------}) whatever the umask, and the move would keep that.
     */
    private static Path createSibling(Path file) throws IOException {
        while (true) {
            Path tmp = file.resolveSibling("." + file.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }

    /**
     * Reads {@code file} as UTF-8.
     *
     * @param hint what to do when it does not exist, appended to the message ("run ast:train first")
     * @throws AstFileException naming the file when it is missing or unreadable
     */
    public static String read(Path file, String hint) {
        if (!Files.exists(file)) {
            throw new AstFileException(file, file + " does not exist" + (hint == null ? "" : "; " + hint));
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AstFileException(file, file + " cannot be read: " + describe(e), e);
        }
    }

    /** An I/O exception in words: its message, or for a missing file which one. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory " + n.getFile();
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the original failure is what the user needs to see
            }
        }
    }
}
