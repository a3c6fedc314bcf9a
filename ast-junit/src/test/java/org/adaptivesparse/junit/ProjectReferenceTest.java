package org.adaptivesparse.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/** {@code @SparseTraining(model = "com.example.Net")} names the project's code as {@code <model>} does. */
class ProjectReferenceTest {
    @TempDir
    Path reports;

    @Test
    void aClassReferenceTrainsTheProjectsNetworkOnItsData() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).run(TrainsFixture.class);
        results.assertCounts(1, 0);
    }

    @Test
    void aMisspeltClassIsOneLineNamingTheAttribute() {
        AstTestKit.Results results = AstTestKit.reportingTo(reports).run(MisspeltFixture.class);
        assertEquals(0, results.tests().succeeded().count(), results.summary());
        Throwable failure = results.onlyFailure();
        assertInstanceOf(ExtensionConfigurationException.class, failure, results.summary());
        assertTrue(failure.getMessage().startsWith("@SparseTraining(model = \"org.adaptivesparse.junit.UserCod#net\") on"
                + " misspelt: model org.adaptivesparse.junit.UserCod#net: no class org.adaptivesparse.junit.UserCod in"
                + " the project"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("; did you mean org.adaptivesparse.junit.UserCode?"),
                failure.getMessage());
    }

    @Fixture
    static class TrainsFixture {
        @Test
        @SparseTraining(model = "org.adaptivesparse.junit.UserCode#net", dataset = "org.adaptivesparse.junit.UserCode#data",
                epochs = 3, batchSize = 32, targetActivation = 0.5, controls = "random", learningRate = 0.01,
                minAccuracy = 0.6)
        void trains(TrainingReport report) {
            assertEquals("org.adaptivesparse.junit.UserCode#net", report.result().settings().get("model"));
        }
    }

    @Fixture
    static class MisspeltFixture {
        @Test
        @SparseTraining(model = "org.adaptivesparse.junit.UserCod#net", dataset = "synthetic")
        void misspelt() {
        }
    }
}
