package org.adaptivesparse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.project.ProjectClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a {@code model} or {@code dataset} reference to the project's code can be wrong, and its one line. */
class ProjectReferencesTest {

    private static ConfigException model(String value) {
        return assertThrows(ConfigException.class, () -> ExperimentConfig.builder().model(value).build());
    }

    @Test
    void aClassOfTheProjectIsAModel() {
        assertEquals("com.example.usercode.TinyNet",
                ExperimentConfig.builder().model(" com.example.usercode.TinyNet ").build().model());
        assertEquals("com.example.usercode.Nets#sized",
                ExperimentConfig.builder().model("com.example.usercode.Nets#sized").build().model());
        assertEquals("cnn", ExperimentConfig.builder().model("CNN").build().model());
    }

    @Test
    void aMissingClassSaysDidYouMeanFromTheProjectsClasses() {
        ConfigException e = model("com.example.TinyNet");
        assertEquals("model", e.field());
        assertTrue(e.getMessage().startsWith("model com.example.TinyNet: no class com.example.TinyNet in the project"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; did you mean com.example.usercode.TinyNet?"), e.getMessage());
    }

    @Test
    void aBareSimpleNameIsNotKnownButSuggestsTheClass() {
        assertEquals("model 'TinyNet' is not known; allowed: mlp, cnn, resnet, or a class of your project"
                + " (com.example.Net implementing org.adaptivesparse.model.BlockFactory, or com.example.Nets#method);"
                + " did you mean com.example.usercode.TinyNet?", model("TinyNet").getMessage());
    }

    @Test
    void aClassOfTheWrongTypeSaysWhatAModelIs() {
        assertEquals("model com.example.usercode.NotAModel: class com.example.usercode.NotAModel is not a model: it"
                + " neither implements org.adaptivesparse.model.BlockFactory nor extends ai.djl.nn.Block; implement"
                + " BlockFactory, or name a public static method returning a Block (com.example.usercode.NotAModel#method)",
                model("com.example.usercode.NotAModel").getMessage());
        assertEquals("dataset com.example.usercode.TinyNet: class com.example.usercode.TinyNet is not a dataset: it"
                + " does not implement org.adaptivesparse.data.DatasetFactory; implement it, or name a public static"
                + " method returning a DatasetPair (com.example.usercode.TinyNet#method)",
                assertThrows(ConfigException.class, () -> ExperimentConfig.builder()
                        .dataset("com.example.usercode.TinyNet").build()).getMessage());
    }

    @Test
    void methodsThatCannotServeSayWhy() {
        assertEquals("model com.example.usercode.Nets#notABlock: Nets.notABlock() returns java.lang.String; a model"
                + " method must return a DJL Block (ai.djl.nn.Block)", model("com.example.usercode.Nets#notABlock").getMessage());
        assertEquals("model com.example.usercode.Nets#needsWidth: Nets.needsWidth takes (int); a model method takes no"
                + " parameters or (Shape inputShape, int classes)", model("com.example.usercode.Nets#needsWidth").getMessage());
        assertEquals("model com.example.usercode.Nets#notStatic: Nets.notStatic is not static; a model method must be"
                + " static", model("com.example.usercode.Nets#notStatic").getMessage());
        assertTrue(model("com.example.usercode.Nets#large").getMessage().startsWith("model com.example.usercode.Nets#large:"
                + " no public method large in com.example.usercode.Nets; its public static methods: conv, failing,"),
                model("com.example.usercode.Nets#large").getMessage());
        assertEquals("model com.example.usercode.NoDefaultConstructor: class com.example.usercode.NoDefaultConstructor"
                + " has no public constructor without parameters; add one, or name a public static method"
                + " (com.example.usercode.NoDefaultConstructor#method)",
                model("com.example.usercode.NoDefaultConstructor").getMessage());
        assertEquals("model com.example..Net: 'com.example..Net' is not a class name (com.example.Net) or a static"
                + " method (com.example.Nets#small)", model("com.example..Net").getMessage());
    }

    @Test
    void aClassWithSourceButNoCompiledClassSaysHowToCompile(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/main/java/com/example/fashion");
        Files.createDirectories(src);
        Files.writeString(src.resolve("FashionNet.java"), "package com.example.fashion; public class FashionNet {}");
        Path classes = dir.resolve("target/classes");
        ProjectClasses project = ProjectClasses.of(getClass().getClassLoader(), List.of(classes),
                List.of(dir.resolve("src/main/java")), "run mvn test-compile ast:train (or mvn verify)");

        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.builder()
                .projectClasses(project).model("com.example.fashion.FashionNet").build());

        assertEquals("model com.example.fashion.FashionNet: class com.example.fashion.FashionNet is not compiled yet ("
                + src.resolve("FashionNet.java") + " exists, but no compiled class was found (looked in " + classes
                + " and the dependencies)); run mvn test-compile ast:train (or mvn verify)", e.getMessage());
    }

    @Test
    void aGoalThatDoesNotTrainAcceptsReferencesUnloaded() {
        ExperimentConfig cfg = ExperimentConfig.builder().projectClasses(ProjectClasses.unchecked())
                .model("com.example.NotCompiled").dataset("com.example.Data#load").build();
        assertEquals("com.example.NotCompiled", cfg.comparableSettings().get("model"));
        assertEquals("com.example.Data#load", cfg.comparableSettings().get("dataset"));
    }

    @Test
    void initialParametersMustExist(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.builder()
                .initialParameters(dir.resolve("missing-0001.params")).build());
        assertEquals("initialParameters", e.field());
        assertEquals("initialParameters " + dir.resolve("missing-0001.params") + " does not exist; name a DJL .params"
                + " file (saved by Model.save) or a directory holding one", e.getMessage());
    }
}
