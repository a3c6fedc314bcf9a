package org.adaptivesparse.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the binary version of CIFAR-10: five training batches {@code data_batch_1.bin} to
 * {@code data_batch_5.bin} and {@code test_batch.bin}, each a sequence of 3073-byte records (one
 * label byte, then 1024 red, 1024 green and 1024 blue bytes of a 32x32 image, row-major). The
 * record layout is already NCHW, so pixels are copied in order and scaled to [0, 1].
 *
 * <p>The batches are read from a directory, either {@code cifar-10-batches-bin} itself or its
 * parent, or straight from the {@code cifar-10-binary.tar.gz} archive without unpacking it.
 */
public final class Cifar10Reader {
    /** Name of the directory the archive unpacks to. */
    public static final String BATCHES_DIR = "cifar-10-batches-bin";
    /** Name of the archive as published. */
    public static final String ARCHIVE = "cifar-10-binary.tar.gz";
    /** Training batch file names, in the order their records are concatenated. */
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    /** Test batch file name. */
    public static final String TEST_FILE = "test_batch.bin";

    static final int CHANNELS = 3;
    static final int SIDE = 32;
    static final int CLASSES = 10;
    static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private Cifar10Reader() {
    }

    /**
     * Reads CIFAR-10 from a directory or from the {@code .tar.gz} archive.
     *
     * @param source the {@code cifar-10-batches-bin} directory, its parent, or the archive file
     * @throws DataException naming the file when a batch is missing, truncated or holds a bad label
     */
    public static DataSplit read(Path source) {
        if (Files.isDirectory(source)) {
            return readDirectory(source);
        }
        if (Files.isRegularFile(source)) {
            return readArchive(source);
        }
        throw new DataException(source + ": does not exist (expected a " + BATCHES_DIR + " directory, its parent, or "
                + ARCHIVE + ")");
    }

    /**
     * The directory holding the batch files: {@code dir} itself when it holds
     * {@code data_batch_1.bin}, else {@code dir/cifar-10-batches-bin} when that exists, else null.
     */
    public static Path batchesDirectory(Path dir) {
        if (Files.isRegularFile(dir.resolve(TRAIN_FILES.get(0))) || Files.isRegularFile(dir.resolve(TEST_FILE))) {
            return dir;
        }
        Path sub = dir.resolve(BATCHES_DIR);
        return Files.isDirectory(sub) ? sub : null;
    }

    private static DataSplit readDirectory(Path dir) {
        Path batches = batchesDirectory(dir);
        if (batches == null) {
            throw new DataException(dir + ": no CIFAR-10 batches found: expected " + TRAIN_FILES.get(0) + " in it or in "
                    + dir.resolve(BATCHES_DIR));
        }
        List<Batch> train = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            train.add(new Batch(batches.resolve(f).toString(), readFile(batches.resolve(f))));
        }
        Batch test = new Batch(batches.resolve(TEST_FILE).toString(), readFile(batches.resolve(TEST_FILE)));
        return new DataSplit(decode("cifar10-train", train), decode("cifar10-test", List.of(test)));
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": CIFAR-10 batch file is missing", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read CIFAR-10 batch file: " + e.getMessage(), e);
        }
    }

    private static DataSplit readArchive(Path archive) {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
            file.mark(2);
            if (file.read() != 0x1f || file.read() != 0x8b) {
                throw new DataException(archive + ": not a gzip file: a CIFAR-10 archive is a .tar.gz, which starts"
                        + " with the gzip magic bytes 1f 8b");
            }
            file.reset();
            InputStream in = new BufferedInputStream(new GZIPInputStream(file, 1 << 16), 1 << 16);
            TarReader tar = new TarReader(in, archive);
            TarReader.Entry e;
            while ((e = tar.next()) != null) {
                String base = e.name().substring(e.name().lastIndexOf('/') + 1);
                if (e.isFile() && (TRAIN_FILES.contains(base) || TEST_FILE.equals(base))) {
                    entries.put(base, tar.readContent(e));
                }
            }
        } catch (IOException ex) {
            throw new DataException(archive + ": cannot read CIFAR-10 archive (corrupt or truncated?): " + ex.getMessage(),
                    ex);
        }
        List<Batch> train = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            train.add(archiveBatch(archive, entries, f));
        }
        Batch test = archiveBatch(archive, entries, TEST_FILE);
        return new DataSplit(decode("cifar10-train", train), decode("cifar10-test", List.of(test)));
    }

    private static Batch archiveBatch(Path archive, Map<String, byte[]> entries, String file) {
        byte[] data = entries.get(file);
        if (data == null) {
            throw new DataException(archive + ": CIFAR-10 batch file " + BATCHES_DIR + "/" + file
                    + " is missing from the archive");
        }
        return new Batch(archive + "!" + BATCHES_DIR + "/" + file, data);
    }

    private record Batch(String source, byte[] data) {
    }

    private static ImageSet decode(String name, List<Batch> batches) {
        long total = 0;
        for (Batch b : batches) {
            if (b.data().length % RECORD_BYTES != 0) {
                throw new DataException(b.source() + ": file is truncated: " + b.data().length
                        + " bytes is not a whole number of " + RECORD_BYTES + "-byte records ("
                        + b.data().length / RECORD_BYTES + " records and " + b.data().length % RECORD_BYTES
                        + " bytes left over)");
            }
            total += b.data().length / RECORD_BYTES;
        }
        int n = Math.toIntExact(total);
        float[] pixels = new float[Math.multiplyExact(n, IMAGE_BYTES)];
        int[] labels = new int[n];
        int i = 0;
        for (Batch b : batches) {
            byte[] d = b.data();
            for (int r = 0; r < d.length / RECORD_BYTES; r++, i++) {
                int off = r * RECORD_BYTES;
                int label = d[off] & 0xff;
                if (label >= CLASSES) {
                    throw new DataException(b.source() + ": record " + r + " has label " + label
                            + ", out of range; expected 0 to " + (CLASSES - 1));
                }
                labels[i] = label;
                int dst = i * IMAGE_BYTES;
                for (int p = 0; p < IMAGE_BYTES; p++) {
                    pixels[dst + p] = (d[off + 1 + p] & 0xff) / 255f;
                }
            }
        }
        return new ImageSet(name, pixels, labels, CHANNELS, SIDE, SIDE, CLASSES);
    }

    /**
     * The least of POSIX tar needed for the CIFAR archive: ustar and old-style headers, GNU long
     * names, and pax headers skipped over. Entries are read in sequence from one stream.
     */
    static final class TarReader {
        private static final int BLOCK = 512;
        private final InputStream in;
        private final Path archive;
        private long remaining;
        private String longName;

        record Entry(String name, long size, char type) {
            boolean isFile() {
                return type == '0' || type == '\0';
            }
        }

        TarReader(InputStream in, Path archive) {
            this.in = in;
            this.archive = archive;
        }

        /** The next entry, skipping the unread content of the previous one; null at the end. */
        Entry next() throws IOException {
            skipRemaining();
            while (true) {
                byte[] h = new byte[BLOCK];
                int got = in.readNBytes(h, 0, BLOCK);
                if (got == 0) {
                    return null;
                }
                if (got < BLOCK) {
                    throw new DataException(archive + ": tar stream is truncated inside an entry header");
                }
                if (isZero(h)) {
                    return null;
                }
                String name = string(h, 0, 100);
                long size = octal(h, 124, 12);
                char type = (char) h[156];
                String magic = string(h, 257, 6);
                if (magic.startsWith("ustar")) {
                    String prefix = string(h, 345, 155);
                    if (!prefix.isEmpty()) {
                        name = prefix + "/" + name;
                    }
                }
                remaining = padded(size);
                if (type == 'L') {
                    // GNU long name: the content is the name of the following entry
                    byte[] n = readExactly(size);
                    skipRemaining();
                    longName = string(n, 0, n.length);
                    continue;
                }
                if (type == 'x' || type == 'g') {
                    skipRemaining();
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                return new Entry(name, size, type);
            }
        }

        /** The content of the entry just returned by {@link #next()}. */
        byte[] readContent(Entry e) throws IOException {
            if (e.size() > Integer.MAX_VALUE - 8) {
                throw new DataException(archive + ": tar entry " + e.name() + " is too large (" + e.size() + " bytes)");
            }
            byte[] data = readExactly(e.size());
            return data;
        }

        private byte[] readExactly(long size) throws IOException {
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new DataException(archive + ": tar stream is truncated: entry expected " + size + " bytes, found "
                        + data.length);
            }
            remaining -= size;
            return data;
        }

        private void skipRemaining() throws IOException {
            while (remaining > 0) {
                long s = in.skip(remaining);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new DataException(archive + ": tar stream is truncated inside an entry");
                    }
                    s = 1;
                }
                remaining -= s;
            }
        }

        private static long padded(long size) {
            return (size + BLOCK - 1) / BLOCK * BLOCK;
        }

        private static boolean isZero(byte[] b) {
            for (byte x : b) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }

        private static String string(byte[] b, int off, int len) {
            int end = off;
            while (end < off + len && b[end] != 0) {
                end++;
            }
            return new String(b, off, end - off, StandardCharsets.UTF_8);
        }

        private long octal(byte[] b, int off, int len) {
            if ((b[off] & 0x80) != 0) {
                // GNU base-256 encoding for sizes beyond 8 GiB; nothing in CIFAR needs it
                throw new DataException(archive + ": tar entry size uses base-256 encoding, which is not supported");
            }
            String s = string(b, off, len).trim();
            if (s.isEmpty()) {
                return 0;
            }
            try {
                return Long.parseLong(s, 8);
            } catch (NumberFormatException e) {
                throw new DataException(archive + ": not a tar archive inside the gzip stream (bad size field '" + s
                        + "')");
            }
        }
    }
}
