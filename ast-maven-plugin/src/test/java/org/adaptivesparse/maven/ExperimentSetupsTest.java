package org.adaptivesparse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.adaptivesparse.project.ProjectClasses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class ExperimentSetupsTest {
    private static final Path BASEDIR = Path.of("/project").toAbsolutePath();
    private static final ProjectClasses CLASSES = ProjectClasses.unchecked();
    private static final Set<String> SWITCHES = AbstractAstMojo.SWITCHES;

    private static Map<String, String> flat(String... more) {
        Map<String, String> m = new LinkedHashMap<>(Map.of("dataset", "synthetic", "epochs", "3",
                "targetActivation", "10%", "outputDir", "/project/target/ast"));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    private static Map<String, String> experiment(String... elementsAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < elementsAndValues.length; i += 2) {
            m.put(elementsAndValues[i], elementsAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void userPropertiesOverrideParametersAndExperiments() throws Exception {
        List<ExperimentSetup> setups = ExperimentSetups.resolve(flat(),
                List.of(experiment("name", "a", "epochs", "5"), experiment("name", "b")),
                Map.of("ast.limit", "2000", "ast.skip", "true", "other", "x"), SWITCHES, BASEDIR, CLASSES);
        assertEquals(5, setups.get(0).config().epochs());
        assertEquals(3, setups.get(1).config().epochs());
        assertEquals(2000, setups.get(0).config().limit());
        assertEquals(0.10, setups.get(1).config().targetActivation(), 1e-12);

        List<ExperimentSetup> overridden = ExperimentSetups.resolve(flat(), List.of(experiment("name", "a", "epochs", "5")),
                Map.of("ast.epochs", "1"), SWITCHES, BASEDIR, CLASSES);
        assertEquals(1, overridden.get(0).config().epochs());
    }

    @Test
    void relativePathsAreTakenFromTheProject() throws Exception {
        ExperimentSetup s = ExperimentSetups.resolve(flat("dataDir", "data"), List.of(), Map.of(), SWITCHES, BASEDIR, CLASSES)
                .get(0);
        assertEquals(BASEDIR.resolve("data"), s.config().dataDir());
        assertEquals(BASEDIR.resolve("target/ast/experiment/result.json"), s.resultJson());
    }

    @Test
    void errorsNameTheElementOrPropertyToFix() throws Exception {
        MojoExecutionException flat = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(
                flat("targetActivation", "1.5"), List.of(), Map.of(), SWITCHES, BASEDIR, CLASSES));
        assertEquals("<targetActivation> (-Dast.targetActivation): targetActivation 1.5 is out of range; allowed:"
                + " greater than 0 and at most 1 (e.g. 0.10 for 10%)", flat.getMessage());

        MojoExecutionException listed = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(
                flat(), List.of(experiment("name", "cnn", "targetActivation", "150%")), Map.of(), SWITCHES, BASEDIR, CLASSES));
        assertEquals("<experiments><experiment> 'cnn' <targetActivation>: targetActivation 1.5 is out of range;"
                + " allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)", listed.getMessage());

        MojoExecutionException inherited = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(
                flat("epochs", "0"), List.of(experiment("name", "cnn")), Map.of(), SWITCHES, BASEDIR, CLASSES));
        assertEquals("<epochs> (-Dast.epochs), inherited by <experiments><experiment> 'cnn': epochs 0 is out of range;"
                + " allowed: 1 or more", inherited.getMessage());

        MojoExecutionException property = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(
                flat(), List.of(), Map.of("ast.epochs", "one"), SWITCHES, BASEDIR, CLASSES));
        assertEquals("-Dast.epochs: epochs 'one' is not a whole number", property.getMessage());

        MojoExecutionException typo = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(
                flat(), List.of(), Map.of("ast.epoch", "1"), SWITCHES, BASEDIR, CLASSES));
        assertEquals(true, typo.getMessage().startsWith("-Dast.epoch: 'epoch' is not a configuration field; did you mean"
                + " epochs? known fields: allowDownload, baselineFile,"), typo.getMessage());

        MojoExecutionException element = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(
                flat(), List.of(experiment("name", "cnn", "tragetActivation", "0.5")), Map.of(), SWITCHES, BASEDIR, CLASSES));
        assertEquals(true, element.getMessage().startsWith("<experiments><experiment> 'cnn' <tragetActivation>:"
                + " 'tragetActivation' is not a configuration field; did you mean targetActivation? known fields:"),
                element.getMessage());
    }

    @Test
    void limitsAreReadFromThePomAndABadOneIsNamedWhereItWasWritten() throws Exception {
        List<ExperimentSetup> setups = ExperimentSetups.resolve(flat("limits", "accuracy.min >= 70%;\n"
                + "  timeToTargetVsRandom <= 0.9x"), List.of(), Map.of(), SWITCHES, BASEDIR, CLASSES);
        assertEquals(List.of("accuracy.min >= 70%", "timeToTargetVsRandom <= 0.9x"),
                setups.get(0).config().limits().stream().map(l -> l.text()).toList());
        assertEquals(0.7, setups.get(0).config().limits().get(0).value(), 1e-12);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(
                flat("limits", "accuracy > 0.7"), List.of(), Map.of(), SWITCHES, BASEDIR, CLASSES));
        assertEquals("<limits> (-Dast.limits): limits: limit 1 'accuracy > 0.7' is not a limit; write figure >= number"
                + " or figure <= number, e.g. accuracy.min >= 0.70 or timeToTargetVsRandom <= 0.9", e.getMessage());
    }

    @Test
    void twoExperimentsMayNotShareADirectory() throws Exception {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(flat(),
                List.of(experiment("name", "cnn"), experiment("name", "cnn", "model", "mlp")), Map.of(), SWITCHES,
                BASEDIR, CLASSES));
        assertEquals("<experiments>: experiments 'cnn' and 'cnn' would both write to cnn/; give each <experiment> its"
                + " own <name>", e.getMessage());

        MojoExecutionException overridden = assertThrows(MojoExecutionException.class, () -> ExperimentSetups.resolve(
                flat(), List.of(experiment("name", "cnn"), experiment("name", "mlp")), Map.of("ast.name", "x"),
                SWITCHES, BASEDIR, CLASSES));
        assertEquals("-Dast.name=x names every experiment 'x', so they would all write to x/; drop it and give each"
                + " <experiment> its own <name>", overridden.getMessage());
    }
}
