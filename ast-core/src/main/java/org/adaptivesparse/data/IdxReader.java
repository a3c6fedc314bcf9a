package org.adaptivesparse.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: an image file (magic 2051, then big-endian
 * count, rows and columns, then one unsigned byte per pixel) and a label file (magic 2049, then
 * count, then one byte per label). Either file may be gzip-compressed; compression is detected
 * from the content (the gzip magic bytes), not the file name.
 *
 * <p>Every failure is a {@link DataException} whose message names the file and the problem.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned-byte 3-dimensional data (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte 1-dimensional data (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Images read from an IDX file: {@code count} images of {@code rows x cols}, floats in [0, 1]. */
    public record Images(int count, int rows, int cols, float[] pixels) {
    }

    /**
     * Reads an image file and its label file into one single-channel {@link ImageSet}.
     *
     * @param name    the set's name, for messages and reports
     * @param images  the IDX image file, gzip or plain
     * @param labels  the IDX label file, gzip or plain
     * @param classes number of classes; every label must lie in {@code [0, classes)}
     * @throws DataException when either file is missing, malformed, or the two disagree in count
     */
    public static ImageSet read(String name, Path images, Path labels, int classes) {
        Images img = readImages(images);
        int[] lab = readLabels(labels, classes);
        if (img.count() != lab.length) {
            throw new DataException("image and label counts disagree: " + images + " holds " + img.count()
                    + " images but " + labels + " holds " + lab.length + " labels");
        }
        return new ImageSet(name, img.pixels(), lab, 1, img.rows(), img.cols(), classes);
    }

    /**
     * Reads an IDX image file; pixels are scaled to [0, 1] by dividing by 255.
     *
     * @throws DataException when the file is missing, has the wrong magic number, an implausible
     *                       header, or less pixel data than its header promises
     */
    public static Images readImages(Path file) {
        try (InputStream in = open(file)) {
            int magic = readHeaderInt(in, file, "magic number");
            checkMagic(file, in, magic, IMAGES_MAGIC, "image");
            int count = readHeaderInt(in, file, "image count");
            int rows = readHeaderInt(in, file, "row count");
            int cols = readHeaderInt(in, file, "column count");
            if (count < 0 || rows < 1 || cols < 1 || (long) count * rows * cols > Integer.MAX_VALUE - 8) {
                throw new DataException(file + ": implausible IDX image header: " + count + " images of " + rows
                        + "x" + cols + " pixels");
            }
            int n = count * rows * cols;
            byte[] raw = new byte[n];
            int got = readFully(in, raw);
            if (got < n) {
                throw new DataException(file + ": file is truncated: expected " + n + " bytes of pixel data ("
                        + count + " images of " + rows + "x" + cols + "), found " + got);
            }
            float[] pixels = new float[n];
            for (int i = 0; i < n; i++) {
                pixels[i] = (raw[i] & 0xff) / 255f;
            }
            return new Images(count, rows, cols, pixels);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file does not exist", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read IDX image file: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX label file.
     *
     * @param classes every label must lie in {@code [0, classes)}
     * @throws DataException when the file is missing, has the wrong magic number, is truncated, or
     *                       holds a label out of range
     */
    public static int[] readLabels(Path file, int classes) {
        try (InputStream in = open(file)) {
            int magic = readHeaderInt(in, file, "magic number");
            checkMagic(file, in, magic, LABELS_MAGIC, "label");
            int count = readHeaderInt(in, file, "label count");
            if (count < 0) {
                throw new DataException(file + ": implausible IDX label header: count " + count);
            }
            byte[] raw = new byte[count];
            int got = readFully(in, raw);
            if (got < count) {
                throw new DataException(file + ": file is truncated: expected " + count + " bytes of label data, found "
                        + got);
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                int label = raw[i] & 0xff;
                if (label >= classes) {
                    throw new DataException(file + ": label " + label + " at index " + i + " is out of range; expected 0 to "
                            + (classes - 1));
                }
                labels[i] = label;
            }
            return labels;
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file does not exist", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read IDX label file: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a file, transparently gunzipping it when it starts with the gzip magic bytes 1f 8b. The
     * gzip stream is not wrapped in a buffer: each read then either returns data or throws, so a
     * stream cut short still tells how much of it arrived.
     */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try {
                    return new GZIPInputStream(raw, 1 << 16);
                } catch (EOFException e) {
                    throw new DataException(file + ": file is truncated: it ends inside its gzip header", e);
                }
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * @param in the stream the magic number came from: a file named {@code .gz} that is neither gzip
     *           nor IDX (an HTML error page, say) is reported as not a gzip file
     */
    private static void checkMagic(Path file, InputStream in, int found, int expected, String kind) {
        boolean idx = found == IMAGES_MAGIC || found == LABELS_MAGIC;
        if (!idx && !(in instanceof GZIPInputStream) && file.getFileName().toString().endsWith(".gz")) {
            throw new DataException(file + ": not a gzip file: it is named .gz but does not start with the gzip"
                    + " magic bytes 1f 8b");
        }
        if (found != expected) {
            String hint = found == (expected == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC)
                    ? " (this looks like an IDX " + (expected == IMAGES_MAGIC ? "label" : "image") + " file)"
                    : "";
            throw new DataException(file + ": wrong magic number " + found + " (0x" + Integer.toHexString(found)
                    + "), expected " + expected + " (0x" + Integer.toHexString(expected) + ") for an IDX " + kind
                    + " file" + hint);
        }
    }

    private static int readHeaderInt(InputStream in, Path file, String what) throws IOException {
        byte[] b = new byte[4];
        int got = readFully(in, b);
        if (got < 4) {
            throw new DataException(file + ": file is truncated: ends inside the IDX header while reading the " + what);
        }
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /**
     * Reads until {@code buf} is full or the stream ends, returning the bytes read. A gzip stream
     * cut short ends with an EOFException rather than -1; both count as the end of the data, and
     * since a gzip read either returns data or throws (see {@link #open(Path)}), the count is exact.
     */
    private static int readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        try {
            while (off < buf.length) {
                int r = in.read(buf, off, buf.length - off);
                if (r < 0) {
                    break;
                }
                off += r;
            }
        } catch (EOFException e) {
            // truncated gzip member: report how much data arrived instead of a zlib message
        }
        return off;
    }
}
