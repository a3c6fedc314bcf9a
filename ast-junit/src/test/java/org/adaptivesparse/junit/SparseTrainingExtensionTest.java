package org.adaptivesparse.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.nn.Block;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.experiment.ExperimentOutcome;
import org.adaptivesparse.result.ExperimentResult;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * {@link SparseTraining} end to end: fixtures train a CI-sized job (synthetic data, one epoch, a
 * small MLP) through the Jupiter engine, and the tests look at what the engine reported and the files
 * written.
 */
class SparseTrainingExtensionTest {
    @TempDir
    Path reports;

    @Test
    void passingTestGetsItsReportInjectedAndWritesReports() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).run(PassingFixture.class);
        results.assertCounts(1, 0);
        Path dir = reports.resolve(PassingFixture.class.getName()).resolve("sparseBeatsRandom");
        assertTrue(Files.isRegularFile(dir.resolve("report.html")), "no report.html in " + dir);
        assertTrue(Files.isRegularFile(dir.resolve("result.json")), "no result.json in " + dir);
    }

    @Test
    void brokenThresholdFailsWithEveryViolationInTheCoresWords() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).run(FailingFixture.class);
        results.assertCounts(0, 1);
        Throwable failure = results.onlyFailure();
        assertInstanceOf(AssertionFailedError.class, failure);
        String[] lines = failure.getMessage().split("\\R");
        Path report = reports.resolve(FailingFixture.class.getName()).resolve("tooSparseToSave").resolve("report.html");
        assertEquals("AST checks have not been met for tooSparseToSave: 1 violation(s). See " + report, lines[0]);
        assertEquals(2, lines.length, failure.getMessage());
        assertTrue(lines[1].matches(SAVINGS_VIOLATION), lines[1]);
    }

    /** The core's wording of a broken minSavings. */
    static final String SAVINGS_VIOLATION = "modeled savings 0\\.\\d{3} is below minSavings 0\\.990;"
            + " lower targetActivation or the threshold";

    @Test
    void bodyFailureIsNotMaskedByViolations() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).run(BodyFailsFixture.class);
        Throwable failure = results.onlyFailure();
        assertEquals("the body's own failure", failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
        assertTrue(failure.getSuppressed()[0].getMessage().startsWith("AST checks have not been met for bodyFails: 1 violation(s). See "),
                failure.getSuppressed()[0].getMessage());
    }

    @Test
    void violationsDoNotFailWhenFailOnViolationIsFalse() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).with("ast.failOnViolation", "false")
                .run(FailingFixture.class);
        results.assertCounts(1, 0);
    }

    @Test
    void methodOverridesOnlyTheClassDefaultsItSets() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).run(ClassDefaultsFixture.class);
        results.assertCounts(1, 0);
        assertTrue(Files.isDirectory(reports.resolve(ClassDefaultsFixture.class.getName()).resolve("custom-name")));
    }

    @Test
    void configurationParameterOverridesTheAnnotation() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).with("ast.epochs", "1")
                .with("ast.targetActivation", "40%").run(PropertyFixture.class);
        results.assertCounts(1, 0);
    }

    @Test
    void modelFactoryBuildsTheNetwork() {
        AstTestKit.reportingTo(reports).run(ModelFactoryFixture.class).assertCounts(2, 0);
    }

    @Test
    void datasetFactorySuppliesTheData() {
        AstTestKit.reportingTo(reports).run(DatasetFactoryFixture.class).assertCounts(1, 0);
    }

    @Test
    void missingDataNamesTheDataSettings() {
        Throwable failure = AstTestKit.reportingTo(reports).run(MissingDataFixture.class).onlyFailure();
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().startsWith("@SparseTraining(dataset = \"fashion-mnist\", dataDir = \""
                + MissingDataFixture.NOWHERE + "\") on noData: "), failure.getMessage());
    }

    @Test
    void indexLinksEveryRunWithItsVerdict() throws IOException {
        AstTestKit.Results results = AstTestKit.reportingTo(reports)
                .with("junit.jupiter.execution.parallel.enabled", "true")
                .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .with("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .run(IndexFixture.class);
        results.assertCounts(1, 1);
        Path classIndex = reports.resolve(IndexFixture.class.getName()).resolve("index.html");
        String html = Files.readString(classIndex);
        assertTrue(html.contains(">passes</a>"), html);
        assertTrue(html.contains(">fails</a>"), html);
        assertTrue(html.contains(">PASS<") && html.contains(">FAIL<"), html);
        assertEquals(2, assertLinksResolve(classIndex), html);
        Path runIndex = reports.resolve("index.html");
        assertTrue(Files.isRegularFile(runIndex), "no " + runIndex);
        assertEquals(2, assertLinksResolve(runIndex), Files.readString(runIndex));
        String xml = Files.readString(reports.resolve("TEST-ast.xml"));
        assertTrue(xml.contains("<testsuite name=\"ast\" tests=\"2\" failures=\"1\""), xml);
        String md = Files.readString(reports.resolve("summary.md"));
        assertTrue(md.startsWith("### \u274c AST: FAIL (2 experiments, 1 failed)"), md);
    }

    @Test
    void indexIsWrittenOnceWhenTheRunEnds() throws IOException {
        IndexOnceFixture.reports = reports;
        AstTestKit.reportingTo(reports).run(IndexOnceFixture.class).assertCounts(2, 0);
        assertEquals(2, assertLinksResolve(reports.resolve("index.html")));
        assertEquals(2, assertLinksResolve(reports.resolve(IndexOnceFixture.class.getName()).resolve("index.html")));
    }

    @Test
    void aSweepIsJudgedPerTargetAndItsPointsAreReachable() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).run(SweepFixture.class);
        results.assertCounts(0, 1);
        String[] lines = results.onlyFailure().getMessage().split("\\R");
        assertEquals(2, lines.length, results.onlyFailure().getMessage());
        assertTrue(lines[1].startsWith("at targetActivation 50%: modeled savings 0."), lines[1]);
        assertTrue(lines[1].endsWith(" is below minSavings 0.600; lower targetActivation or the threshold"), lines[1]);
    }

    /** Asserts every report link of an index page points at an existing file; returns how many there are. */
    private static int assertLinksResolve(Path index) throws IOException {
        String html = Files.readString(index);
        Matcher links = Pattern.compile("href=\"([^\"]*report\\.html)\"").matcher(html);
        int n = 0;
        while (links.find()) {
            Path target = index.resolveSibling(URLDecoder.decode(links.group(1), StandardCharsets.UTF_8));
            assertTrue(Files.isRegularFile(target), index + " links to missing " + target);
            n++;
        }
        return n;
    }

    /** Small, fast defaults every fixture shares: 1000 synthetic images, one epoch, an MLP, no controls. */
    @Fixture
    @SparseTraining(dataset = "synthetic", model = "mlp", epochs = 1, limit = 1000, testLimit = 500, batchSize = 50,
            controls = "none")
    abstract static class Small {
    }

    static class PassingFixture extends Small {
        @Test
        @SparseTraining(controls = {"full", "random"}, targetActivation = 0.3, minAccuracy = 0.3)
        void sparseBeatsRandom(TrainingReport report, ExperimentResult result, ExperimentOutcome outcome) {
            assertSame(result, report.result());
            assertSame(outcome, report.outcome());
            assertTrue(report.passed());
            assertEquals(1, report.ast().epochs().size());
            assertTrue(report.ast().finalAccuracy() >= 0.3);
            assertNotNull(report.control("random"));
            assertNotNull(report.control("full"));
            assertTrue(Files.isRegularFile(report.reportPath()));
        }
    }

    static class SweepFixture extends Small {
        @Test
        @SparseTraining(targets = "20%,0.5", controls = {"full", "random"}, minSavings = 0.6)
        void budgets(TrainingReport report) {
            assertEquals(java.util.List.of(0.2, 0.5), report.result().targets());
            assertEquals(0.5, report.atTarget(0.5).ast().targetActivation());
            assertEquals(0.5, report.atTarget(0.5).control("random").activationRate(), 0.01);
            assertEquals(null, report.atTarget(0.2).control("full").targetActivation());
        }
    }

    static class FailingFixture extends Small {
        @Test
        @SparseTraining(targetActivation = 0.5, minSavings = 0.99)
        void tooSparseToSave() {
        }
    }

    static class BodyFailsFixture extends Small {
        @Test
        @SparseTraining(targetActivation = 0.5, minSavings = 0.99)
        void bodyFails() {
            fail("the body's own failure");
        }
    }

    @Fixture
    @SparseTraining(dataset = "synthetic", model = "mlp", epochs = 1, limit = 1000, testLimit = 500, batchSize = 50,
            controls = "none", targetActivation = 0.2, seed = 3)
    static class ClassDefaultsFixture {
        @Test
        @SparseTraining(name = "custom-name", targetActivation = 0.4)
        void overridesTarget(ExperimentResult result) {
            assertEquals("custom-name", result.name());
            assertEquals(0.4, ((Number) result.settings().get("targetActivation")).doubleValue());
            assertEquals(3L, ((Number) result.settings().get("seed")).longValue());
            assertEquals(1, ((Number) result.settings().get("epochs")).intValue());
        }
    }

    static class PropertyFixture extends Small {
        @Test
        @SparseTraining(epochs = 3, targetActivation = 0.1)
        void overridden(TrainingReport report) {
            assertEquals(1, report.ast().epochs().size());
            assertEquals(0.4, ((Number) report.result().settings().get("targetActivation")).doubleValue());
        }
    }

    static class ModelFactoryFixture extends Small {
        @Test
        @SparseTraining(modelFactory = "tinyModel")
        void block(ExperimentResult result) {
            assertEquals("custom", result.settings().get("model"));
        }

        @Test
        @SparseTraining(modelFactory = "baseConfig")
        void builder(ExperimentResult result) {
            assertEquals("custom", result.settings().get("model"));
            assertEquals(0.25, ((Number) result.settings().get("targetActivation")).doubleValue());
        }

        /** An instance method: called on the test instance, once per policy. */
        Block tinyModel() {
            return TinyData.linear(10);
        }

        static ExperimentConfig.Builder baseConfig() {
            return ExperimentConfig.builder().blockFactory(() -> TinyData.linear(10)).targetActivation(0.25);
        }
    }

    static class DatasetFactoryFixture extends Small {
        @Test
        // a linear model needs a larger step to learn from one sparse epoch: below it, it stays at chance, which fails
        @SparseTraining(datasetFactory = "org.adaptivesparse.junit.TinyData#split", modelFactory = "model",
                learningRate = 0.05)
        void tinyData(TrainingReport report) {
            assertEquals("custom", report.result().settings().get("dataset"));
            assertEquals(512, report.ast().samples());
        }

        static Block model() {
            return TinyData.linear(TinyData.CLASSES);
        }
    }

    static class MissingDataFixture extends Small {
        static final String NOWHERE = "/nonexistent/ast-data";

        @Test
        @SparseTraining(dataset = "fashion-mnist", dataDir = NOWHERE)
        void noData() {
        }
    }

    /** Both methods train (the class defaults are {@link SparseTraining}); the second looks for the index. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class IndexOnceFixture extends Small {
        static volatile Path reports;

        @Test
        @Order(1)
        @SparseTraining(targetActivation = 0.3)
        void trains() {
        }

        @Test
        @Order(2)
        void indexWaitsForTheEndOfTheRun() {
            // two experiments are written by now, the one of this method too
            assertFalse(Files.exists(reports.resolve("index.html")));
            assertFalse(Files.exists(reports.resolve(IndexOnceFixture.class.getName()).resolve("index.html")));
        }
    }

    static class IndexFixture extends Small {
        @Test
        @SparseTraining(targetActivation = 0.3)
        void passes() {
        }

        @Test
        @SparseTraining(targetActivation = 0.5, minSavings = 0.99)
        void fails() {
        }
    }
}
