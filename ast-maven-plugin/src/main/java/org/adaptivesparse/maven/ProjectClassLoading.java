package org.adaptivesparse.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.adaptivesparse.project.ProjectClasses;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * The project's classes as the training goal loads them, the way exec's and Gatling's plugins do:
 * the project's compiled classes and test class path in a loader of their own, except DJL and ast's
 * API ({@code ai.djl.*}, {@code org.adaptivesparse.*}), which come from the plugin, so the project's
 * {@code Block} and the engine's are one type. The project's own copies of those jars are left out;
 * a project that brings another DJL version is told so in one line.
 */
final class ProjectClassLoading {
    /** What {@code mvn ast:train} needs before a class of the project can be loaded. */
    static final String COMPILE_HINT = "run mvn test-compile ast:train (or mvn verify), which compiles the project"
            + " before training";
    private static final String DJL_GROUP = "ai.djl";
    private static final String AST_GROUP = "org.adaptivesparse";

    private ProjectClassLoading() {
    }

    /**
     * @throws MojoExecutionException when the project's DJL is another version than the plugin's
     */
    static ProjectClasses of(MavenProject project, PluginDescriptor plugin) throws MojoExecutionException {
        checkDjlVersion(project, plugin);
        List<Path> classDirs = List.of(Path.of(project.getBuild().getOutputDirectory()),
                Path.of(project.getBuild().getTestOutputDirectory()));
        List<URL> urls = new ArrayList<>();
        for (Path dir : classDirs) {
            urls.add(url(dir.toFile()));
        }
        for (Artifact a : project.getArtifacts()) {
            if (a.getFile() != null && !shared(a)) {
                urls.add(url(a.getFile()));
            }
        }
        List<Path> sources = new ArrayList<>();
        project.getCompileSourceRoots().forEach(s -> sources.add(Path.of(s)));
        project.getTestCompileSourceRoots().forEach(s -> sources.add(Path.of(s)));
        ClassLoader loader = new SharedApiLoader(urls.toArray(URL[]::new), ProjectClassLoading.class.getClassLoader());
        return ProjectClasses.of(loader, classDirs, sources, COMPILE_HINT);
    }

    /** DJL's artifacts and ast's own come from the plugin, never from the project's class path. */
    private static boolean shared(Artifact a) {
        return a.getGroupId().equals(DJL_GROUP) || a.getGroupId().startsWith(DJL_GROUP + ".")
                || a.getGroupId().equals(AST_GROUP);
    }

    private static void checkDjlVersion(MavenProject project, PluginDescriptor plugin) throws MojoExecutionException {
        Optional<String> ours = djlApi(plugin.getArtifacts());
        Optional<String> theirs = djlApi(new ArrayList<>(project.getArtifacts()));
        if (ours.isPresent() && theirs.isPresent() && !ours.get().equals(theirs.get())) {
            throw new MojoExecutionException("The project uses DJL " + theirs.get() + " (ai.djl:api " + theirs.get()
                    + " on its test class path), but ast-maven-plugin " + plugin.getVersion() + " runs DJL " + ours.get()
                    + "; a network built with one cannot be trained by the other. Depend on ai.djl:api:" + ours.get()
                    + " (or import ai.djl:bom:" + ours.get() + "), or use the ast version built on DJL " + theirs.get());
        }
    }

    private static Optional<String> djlApi(List<Artifact> artifacts) {
        return artifacts == null ? Optional.empty() : artifacts.stream()
                .filter(a -> DJL_GROUP.equals(a.getGroupId()) && "api".equals(a.getArtifactId()))
                .map(Artifact::getBaseVersion).filter(Objects::nonNull).findFirst();
    }

    private static URL url(File f) throws MojoExecutionException {
        try {
            return f.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new MojoExecutionException("cannot put " + f + " on the project's class path: " + e.getMessage(), e);
        }
    }

    /**
     * Child first for the project's classes and dependencies; DJL's and ast's packages from the plugin.
     * The parent is the platform loader, so nothing of Maven's or the plugin's other libraries leaks in.
     */
    static final class SharedApiLoader extends URLClassLoader {
        private static final List<String> SHARED = List.of("ai.djl.", "org.adaptivesparse.");
        private final ClassLoader plugin;

        SharedApiLoader(URL[] urls, ClassLoader plugin) {
            super("ast-project", urls, ClassLoader.getPlatformClassLoader());
            this.plugin = plugin;
        }

        private static boolean isShared(String name) {
            String dotted = name.replace('/', '.');
            return SHARED.stream().anyMatch(dotted::startsWith);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (isShared(name)) {
                return plugin.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return isShared(name) ? plugin.getResource(name) : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return isShared(name) ? plugin.getResources(name) : super.getResources(name);
        }
    }
}
