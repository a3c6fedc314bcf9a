package org.adaptivesparse.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Downloads a dataset file and keeps it only when its SHA-256 is the known one. The file is
 * written to a temporary file beside the target and moved into place once verified; on any
 * failure the temporary file is deleted, so the cache never holds a partial or unverified file.
 */
final class VerifiedDownload {
    private static final System.Logger LOG = System.getLogger(VerifiedDownload.class.getName());

    private final Map<String, String> sha256;
    private HttpClient http;

    /** @param sha256 expected SHA-256 per file name; a file without an entry is never downloaded */
    VerifiedDownload(Map<String, String> sha256) {
        this.sha256 = Map.copyOf(sha256);
    }

    /** A download that did not produce a verified file; the message says why. */
    static final class DownloadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        DownloadFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Downloads {@code url} to {@code target}, checked against the SHA-256 known for {@code fileName}.
     *
     * @throws DownloadFailure when no SHA-256 is known, the server fails, the connection fails or
     *                         the content does not match
     */
    void fetch(String url, Path target, String fileName) throws DownloadFailure {
        String expected = sha256.get(fileName);
        if (expected == null) {
            throw new DownloadFailure("no SHA-256 is known for " + fileName + ", so a download could not be verified",
                    null);
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // not Files.createTempFile: its files are owner-only whatever the umask, and the move keeps that
            Path part = dir.resolve("." + fileName + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".part");
            Files.newByteChannel(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            tmp = part;
            LOG.log(Level.INFO, "Downloading {0} to {1}", url, target);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DownloadFailure(url + " answered HTTP " + response.statusCode(), null);
                }
                try (InputStream in = new DigestInputStream(body, md); OutputStream out = Files.newOutputStream(tmp)) {
                    in.transferTo(out);
                }
            }
            String actual = HexFormat.of().formatHex(md.digest());
            if (!actual.equalsIgnoreCase(expected)) {
                throw new DownloadFailure(url + " returned a file with SHA-256 " + actual + " but " + fileName
                        + " must have SHA-256 " + expected + "; the download was discarded", null);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.log(Level.INFO, "Verified {0} (SHA-256 {1})", target, actual);
        } catch (IOException | IllegalArgumentException e) {
            throw new DownloadFailure(url + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadFailure(url + ": interrupted", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete partial download " + tmp, e);
                }
            }
        }
    }

    /** The exception chain as one line, since the JDK's HTTP client often leaves messages null. */
    private static String reason(Throwable e) {
        if (e instanceof java.net.ConnectException) {
            return "could not connect (offline, refused or unreachable)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out (" + e.getMessage() + ")";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + e.getMessage() + " (offline or no DNS?)";
        }
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                sb.append(" (").append(t.getMessage()).append(')');
            }
        }
        return sb.toString();
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }
}
