package org.adaptivesparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's packages depend on each other without cycles. Read from the sources: every mention of
 * another {@code org.adaptivesparse} package (an import, a qualified name, a Javadoc link) counts.
 */
class PackageDependenciesTest {
    private static final Path ROOT = Path.of("src", "main", "java", "org", "adaptivesparse");
    private static final Pattern MENTION = Pattern.compile("\\borg\\.adaptivesparse\\.([a-z]+)\\.");

    private static Map<String, Set<String>> uses;

    @BeforeAll
    static void scan() throws IOException {
        uses = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String pkg = dir.getFileName().toString();
                Set<String> out = new TreeSet<>();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                        Matcher m = MENTION.matcher(read(f));
                        while (m.find()) {
                            out.add(m.group(1));
                        }
                    });
                }
                out.remove(pkg);
                uses.put(pkg, out);
            }
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theScanSeesThePackages() {
        assertTrue(uses.keySet().containsAll(List.of("config", "data", "experiment", "model", "report", "result",
                "training", "verdict")), uses.keySet().toString());
        assertTrue(uses.get("experiment").containsAll(List.of("data", "result", "verdict")), uses.toString());
    }

    @Test
    void dataKnowsNothingOfTheConfiguration() {
        assertFalse(uses.get("data").contains("config"), "data uses " + uses.get("data"));
    }

    @Test
    void resultKnowsNothingOfTheVerdictRules() {
        assertFalse(uses.get("result").contains("verdict"), "result uses " + uses.get("result"));
    }

    @Test
    void noPackageCycle() {
        List<String> cycle = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : uses.keySet()) {
            if (findCycle(start, new ArrayList<>(), done, cycle)) {
                break;
            }
        }
        assertEquals(List.of(), cycle, "package cycle; dependencies: " + uses);
    }

    /** Depth-first search; fills {@code cycle} with the packages of the first cycle found. */
    private static boolean findCycle(String pkg, List<String> path, Set<String> done, List<String> cycle) {
        int at = path.indexOf(pkg);
        if (at >= 0) {
            cycle.addAll(path.subList(at, path.size()));
            cycle.add(pkg);
            return true;
        }
        if (done.contains(pkg)) {
            return false;
        }
        path.add(pkg);
        for (String next : uses.getOrDefault(pkg, Set.of())) {
            if (findCycle(next, path, done, cycle)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        done.add(pkg);
        return false;
    }
}
