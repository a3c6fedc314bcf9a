package org.adaptivesparse.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small real image files, the way a user's image folder holds them. */
public final class TestImages {
    private TestImages() {
    }

    /** A {@code width x height} grayscale PNG, every pixel {@code gray} (0 to 255). */
    public static Path gray(Path file, int width, int height, int gray) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.getRaster().setSample(x, y, 0, gray);
            }
        }
        return write(img, file, "png");
    }

    /** A {@code width x height} RGB image, every pixel {@code rgb} (0xRRGGBB), as PNG or JPEG by the file's name. */
    public static Path rgb(Path file, int width, int height, int rgb) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return write(img, file, file.getFileName().toString().endsWith(".png") ? "png" : "jpg");
    }

    /**
     * Writes {@code set} as grayscale PNGs under {@code dir}, one folder per class named {@code c<label>}
     * (zero-padded, so that sorted names keep the label order), one file per image.
     */
    public static Path write(ImageSet set, Path dir) {
        int per = set.pixelsPerImage();
        int side = set.width();
        for (int i = 0; i < set.size(); i++) {
            BufferedImage img = new BufferedImage(side, set.height(), BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < set.height(); y++) {
                for (int x = 0; x < side; x++) {
                    float v = set.pixels()[i * per + y * side + x];
                    img.getRaster().setSample(x, y, 0, Math.round(v * 255));
                }
            }
            write(img, dir.resolve(String.format("c%02d", set.labels()[i])).resolve(i + ".png"), "png");
        }
        return dir;
    }

    private static Path write(BufferedImage img, Path file, String format) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
