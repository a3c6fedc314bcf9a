package org.adaptivesparse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.adaptivesparse.model.BlockFactory;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code ast:train} loads the project's classes: DJL and ast shared with the plugin, another DJL refused. */
class ProjectClassLoadingTest {

    private static Artifact artifact(String group, String id, String version, File file) {
        DefaultArtifact a = new DefaultArtifact(group, id, version, "compile", "jar", null, new DefaultArtifactHandler("jar"));
        a.setFile(file);
        return a;
    }

    private static MavenProject project(Path dir, Artifact... artifacts) {
        MavenProject p = new MavenProject();
        Build b = new Build();
        b.setOutputDirectory(dir.resolve("target/classes").toString());
        b.setTestOutputDirectory(dir.resolve("target/test-classes").toString());
        p.setBuild(b);
        p.setArtifacts(new LinkedHashSet<>(List.of(artifacts)));
        return p;
    }

    private static PluginDescriptor plugin(String djl) {
        PluginDescriptor d = new PluginDescriptor();
        d.setVersion("0.1.0-SNAPSHOT");
        d.setArtifacts(List.of(artifact("ai.djl", "api", djl, null)));
        return d;
    }

    @Test
    void anotherDjlVersionIsOneLineNamingBoth(@TempDir Path dir) {
        MavenProject p = project(dir, artifact("ai.djl", "api", "0.30.0", dir.resolve("api.jar").toFile()));

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ProjectClassLoading.of(p, plugin("0.36.0")));

        assertEquals("The project uses DJL 0.30.0 (ai.djl:api 0.30.0 on its test class path), but ast-maven-plugin"
                + " 0.1.0-SNAPSHOT runs DJL 0.36.0; a network built with one cannot be trained by the other. Depend on"
                + " ai.djl:api:0.36.0 (or import ai.djl:bom:0.36.0), or use the ast version built on DJL 0.30.0",
                e.getMessage());
    }

    @Test
    void djlAndAstComeFromThePluginAndTheRestFromTheProject(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("target/classes/com/example"));
        Files.writeString(dir.resolve("target/classes/com/example/note.txt"), "the project's own resource");
        MavenProject p = project(dir, artifact("ai.djl", "api", "0.36.0", dir.resolve("djl-api.jar").toFile()),
                artifact("org.adaptivesparse", "ast-core", "0.1.0-SNAPSHOT", dir.resolve("ast-core.jar").toFile()));

        ClassLoader loader = ProjectClassLoading.of(p, plugin("0.36.0")).loader();

        assertSame(BlockFactory.class, loader.loadClass(BlockFactory.class.getName()));
        assertSame(ai.djl.nn.Block.class, loader.loadClass("ai.djl.nn.Block"));
        URL[] urls = ((URLClassLoader) loader).getURLs();
        Set<String> files = new LinkedHashSet<>();
        for (URL u : urls) {
            files.add(Path.of(u.toURI()).getFileName().toString());
        }
        assertEquals(Set.of("classes", "test-classes"), files, "the project's DJL and ast jars are left out");
        assertEquals("the project's own resource", new String(loader.getResourceAsStream("com/example/note.txt")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        // nothing of the plugin's other libraries leaks in: the project gets its own (or none)
        assertNotSame(getClass().getClassLoader(), loader.getParent());
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.apache.maven.project.MavenProject"));
    }
}
