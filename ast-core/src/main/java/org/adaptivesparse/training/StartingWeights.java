package org.adaptivesparse.training;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adaptivesparse.config.ConfigException;

/**
 * Loads starting weights ({@code initialParameters}) into a policy's freshly initialised network, so
 * that AST and its controls fine-tune from the same parameters. The file is DJL's own format, the
 * {@code <name>-<epoch>.params} that {@code Model.save} writes; a file that does not fit the network
 * (another architecture, other layer sizes) fails before training with one line saying where.
 */
final class StartingWeights {
    private static final Pattern PARAMS = Pattern.compile("(.+)-(\\d{4})\\.params");

    private StartingWeights() {
    }

    /**
     * @param model a model whose block is set but not yet initialised
     * @param where a {@code .params} file, or a directory holding exactly one model's
     * @param fresh builds another block of the same network, to learn the shapes the file must have
     * @param input the input shape the block will be initialised with, batch axis first
     * @throws ConfigException naming {@code initialParameters} when the file is missing, unreadable or
     *                         does not fit the network
     */
    static void load(Model model, Path where, Supplier<Block> fresh, Shape input) {
        Path file = paramsFile(where);
        Matcher m = PARAMS.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw error(file + " is not named like a DJL parameter file (<name>-<epoch>.params, as Model.save"
                    + " writes it, e.g. fashion-0003.params)");
        }
        Map<String, Shape> expected;
        try (NDManager manager = NDManager.newBaseManager()) {
            Block probe = fresh.get();
            probe.initialize(manager, DataType.FLOAT32, input);
            expected = shapes(probe);
        }
        try {
            model.load(file.toAbsolutePath().getParent(), m.group(1), Map.of("epoch", m.group(2)));
        } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
            throw error(file + " does not fit the network: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")), e);
        }
        Map<String, Shape> loaded = shapes(model.getBlock());
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            Shape found = loaded.get(e.getKey());
            if (!e.getValue().equals(found)) {
                throw error(file + " does not fit the network: parameter " + e.getKey() + " has shape " + found
                        + " in the file and " + e.getValue() + " in the network");
            }
        }
    }

    private static Map<String, Shape> shapes(Block block) {
        Map<String, Shape> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray() == null ? null : p.getValue().getArray().getShape());
        }
        return out;
    }

    private static Path paramsFile(Path where) {
        if (Files.isRegularFile(where)) {
            return where;
        }
        if (!Files.isDirectory(where)) {
            throw error(where + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(where)) {
            files = s.filter(f -> PARAMS.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + where, e);
        }
        if (files.isEmpty()) {
            throw error(where + " holds no DJL parameter file (<name>-<epoch>.params)");
        }
        List<String> names = files.stream().map(f -> {
            Matcher m = PARAMS.matcher(f.getFileName().toString());
            return m.matches() ? m.group(1) : "";
        }).distinct().toList();
        if (names.size() > 1) {
            throw error(where + " holds the parameters of several models (" + String.join(", ", names)
                    + "); name the .params file itself");
        }
        // the latest epoch, as DJL's Model.load picks it
        return files.get(files.size() - 1);
    }

    private static ConfigException error(String message) {
        return new ConfigException("initialParameters", "initialParameters " + message);
    }

    private static ConfigException error(String message, Throwable cause) {
        return new ConfigException("initialParameters", "initialParameters " + message, cause);
    }
}
