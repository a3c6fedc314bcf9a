package org.adaptivesparse.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small dataset files in the real on-disk formats. */
final class TestFiles {
    private TestFiles() {
    }

    static byte[] idxImages(int magic, int count, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    static byte[] idxLabels(int magic, byte[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(magic).putInt(labels.length).put(labels);
        return b.array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, data);
    }

    /** Pixel i of image n is (n * 31 + i * 7) mod 256, so every position is checkable. */
    static byte[] pixels(int count, int perImage) {
        byte[] p = new byte[count * perImage];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < perImage; i++) {
                p[n * perImage + i] = (byte) ((n * 31 + i * 7) % 256);
            }
        }
        return p;
    }

    /** The four Fashion-MNIST files (gzip) with {@code train} and {@code test} 28x28 images. */
    static Map<String, byte[]> fashionFiles(int train, int test) {
        byte[] trainLabels = new byte[train];
        for (int i = 0; i < train; i++) {
            trainLabels[i] = (byte) (i % 10);
        }
        byte[] testLabels = new byte[test];
        for (int i = 0; i < test; i++) {
            testLabels[i] = (byte) ((i + 3) % 10);
        }
        return Map.of(
                "train-images-idx3-ubyte.gz", gzip(idxImages(2051, train, 28, 28, pixels(train, 784))),
                "train-labels-idx1-ubyte.gz", gzip(idxLabels(2049, trainLabels)),
                "t10k-images-idx3-ubyte.gz", gzip(idxImages(2051, test, 28, 28, pixels(test, 784))),
                "t10k-labels-idx1-ubyte.gz", gzip(idxLabels(2049, testLabels)));
    }

    static Path writeFashion(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : fashionFiles(train, test).entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    /**
     * A CIFAR-10 batch of {@code records} records; record r of batch b has label (b + r) % 10 and
     * pixel i equal to (b * 17 + r * 5 + i) mod 256.
     */
    static byte[] cifarBatch(int batch, int records) {
        byte[] d = new byte[records * 3073];
        for (int r = 0; r < records; r++) {
            d[r * 3073] = (byte) ((batch + r) % 10);
            for (int i = 0; i < 3072; i++) {
                d[r * 3073 + 1 + i] = (byte) ((batch * 17 + r * 5 + i) % 256);
            }
        }
        return d;
    }

    /** Batch files keyed by name: data_batch_1..5 are batches 1..5, test_batch is batch 6. */
    static Map<String, byte[]> cifarBatches(int records) {
        return Map.of("data_batch_1.bin", cifarBatch(1, records), "data_batch_2.bin", cifarBatch(2, records),
                "data_batch_3.bin", cifarBatch(3, records), "data_batch_4.bin", cifarBatch(4, records),
                "data_batch_5.bin", cifarBatch(5, records), "test_batch.bin", cifarBatch(6, records));
    }

    static Path writeCifarDir(Path parent, Map<String, byte[]> batches) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("cifar-10-batches-bin"));
        for (Map.Entry<String, byte[]> e : batches.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve("batches.meta.txt"), "airplane\nautomobile\n");
        return dir;
    }

    /** A ustar tar.gz holding a directory entry, a text file and the given files under cifar-10-batches-bin/. */
    static byte[] cifarTarGz(Map<String, byte[]> batches) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tarEntry(tar, "cifar-10-batches-bin/", new byte[0], '5');
        tarEntry(tar, "cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes(StandardCharsets.US_ASCII), '0');
        for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(batches).entrySet()) {
            tarEntry(tar, "cifar-10-batches-bin/" + e.getKey(), e.getValue(), '0');
        }
        tar.write(new byte[1024]);
        return gzip(tar.toByteArray());
    }

    private static void tarEntry(ByteArrayOutputStream tar, String name, byte[] data, char type) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte x : h) {
            sum += x & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        tar.write(h);
        tar.write(data);
        int pad = (512 - data.length % 512) % 512;
        tar.write(new byte[pad]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
