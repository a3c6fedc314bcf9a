package org.adaptivesparse.project;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the classes a configuration names ({@code <model>com.example.Net</model>}) are loaded from:
 * the project's class loader, and the directories of its compiled classes and of its sources, which
 * let a message say "did you mean ..." or "not compiled yet" instead of "class not found".
 *
 * <p>The Maven goal builds one from the project's test class path, in a loader that shares DJL and
 * ast's API with the plugin; the JUnit extension and Java callers use {@link #ofClassPath}.
 */
public final class ProjectClasses {
    /** Classes are not loaded: a goal that does not train accepts any well-formed reference unchecked. */
    private static final ProjectClasses UNCHECKED = new ProjectClasses(null, List.of(), List.of(), "");

    private final ClassLoader loader;
    private final List<Path> classDirs;
    private final List<Path> sourceDirs;
    private final String compileHint;
    private List<String> names;

    private ProjectClasses(ClassLoader loader, List<Path> classDirs, List<Path> sourceDirs, String compileHint) {
        this.loader = loader;
        this.classDirs = List.copyOf(classDirs);
        this.sourceDirs = List.copyOf(sourceDirs);
        this.compileHint = compileHint;
    }

    /**
     * @param loader      loads the project's classes and its dependencies
     * @param classDirs   the directories of the project's compiled classes ({@code target/classes})
     * @param sourceDirs  the project's source directories, to tell "not compiled" from "not there"
     * @param compileHint what to run when a class exists as source only: {@code run mvn test-compile ast:train}
     */
    public static ProjectClasses of(ClassLoader loader, List<Path> classDirs, List<Path> sourceDirs,
            String compileHint) {
        return new ProjectClasses(Objects.requireNonNull(loader, "loader"), classDirs, sourceDirs,
                compileHint == null ? "" : compileHint);
    }

    /**
     * This JVM's class path through {@code loader}: its directories (not its jars) hold the project's
     * classes. They are found as the loader's roots, which also covers a class path given in a
     * manifest (Surefire's default).
     */
    public static ProjectClasses ofClassPath(ClassLoader loader) {
        ClassLoader l = loader == null ? ProjectClasses.class.getClassLoader() : loader;
        Set<Path> dirs = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.isDirectory(Path.of(entry))) {
                dirs.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        try {
            for (URL root : Collections.list(l.getResources(""))) {
                if ("file".equals(root.getProtocol())) {
                    dirs.add(Path.of(root.toURI()).toAbsolutePath().normalize());
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            // the roots only serve "did you mean"; without them the message is shorter, not wrong
        }
        return of(l, new ArrayList<>(dirs), List.of(), "");
    }

    /** References are accepted without loading them (a goal that re-checks results does not need the classes). */
    public static ProjectClasses unchecked() {
        return UNCHECKED;
    }

    /** False for {@link #unchecked()}. */
    public boolean loads() {
        return loader != null;
    }

    /** The project's class loader; null when {@link #unchecked()}. */
    public ClassLoader loader() {
        return loader;
    }

    /**
     * Loads a class of the project.
     *
     * @throws ReferenceException when it is not there (saying whether it exists as source only), or
     *                            its static initialisation fails
     */
    public Class<?> load(String className) {
        if (loader == null) {
            throw new IllegalStateException("classes are not loaded in this goal");
        }
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            Path source = sourceOf(className);
            if (source != null) {
                throw new ReferenceException("class " + className + " is not compiled yet (" + source
                        + " exists, but no compiled class was found" + where() + ")"
                        + (compileHint.isEmpty() ? "" : "; " + compileHint));
            }
            throw new ReferenceException("no class " + className + " in the project" + where());
        } catch (LinkageError e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            throw new ReferenceException("class " + className + " could not be loaded: "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                    e);
        }
    }

    private String where() {
        return classDirs.isEmpty() ? "" : " (looked in " + String.join(", ",
                classDirs.stream().map(Path::toString).toList()) + " and the dependencies)";
    }

    private Path sourceOf(String className) {
        String file = className.replace('.', '/').replaceAll("\\$.*", "") + ".java";
        return sourceDirs.stream().map(d -> d.resolve(file)).filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /**
     * The binary names of the project's own top-level and nested classes (not its dependencies'),
     * for "did you mean"; empty when no class directory is known.
     */
    public synchronized List<String> classNames() {
        if (names == null) {
            List<String> out = new ArrayList<>();
            for (Path dir : classDirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".class")).map(f -> dir.relativize(f).toString())
                            .map(f -> f.substring(0, f.length() - ".class".length()).replace(File.separatorChar, '.'))
                            .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
                            .filter(n -> !n.matches(".*\\$\\d.*")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list the classes in " + dir, e);
                }
            }
            names = List.copyOf(out);
        }
        return names;
    }
}
