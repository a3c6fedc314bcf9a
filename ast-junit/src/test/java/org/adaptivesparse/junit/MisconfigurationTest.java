package org.adaptivesparse.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/** A misconfigured {@link SparseTraining} test fails before training, naming the attribute, its value and the rule. */
class MisconfigurationTest {
    @TempDir
    Path reports;

    @Test
    void targetOutOfRangeNamesTheAttribute() {
        assertConfigurationError("tooHigh", "@SparseTraining(targetActivation = 1.5) on tooHigh: targetActivation 1.5"
                + " is out of range; allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)");
    }

    @Test
    void notANumberIsRejectedNotTakenForUnset() {
        assertConfigurationError("notANumber", "@SparseTraining(targetActivation = NaN) on notANumber: targetActivation"
                + " NaN is out of range; allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)");
        assertConfigurationError("negativeEpochs", "@SparseTraining(epochs = -1) on negativeEpochs: epochs -1 is out of"
                + " range; allowed: 1 or more");
    }

    @Test
    void attributesTheReadmeListsAreThereAndChecked() {
        assertConfigurationError("weightsApart", "@SparseTraining(lossWeight = 0.7) on weightsApart: lossWeight 0.7 and"
                + " stdWeight 0.4 sum to 1.1; they must sum to 1");
        assertConfigurationError("badSampling", "@SparseTraining(staleSampling = \"softmax\") on badSampling:"
                + " staleSampling 'softmax' is not known; allowed: greedy, proportional, coverage, percentile");
    }

    @Test
    void selectionOptionsAreCheckedAndNamedPairByPair() {
        assertConfigurationError("badSamplingPair", "@SparseTraining(selectionOptions = \"staleSampling=softmax\") on"
                + " badSamplingPair: staleSampling 'softmax' is not known; allowed: greedy, proportional, coverage,"
                + " percentile");
        assertConfigurationError("misspeltPair", "@SparseTraining(selectionOptions = \"staleSampleing=greedy\") on"
                + " misspeltPair: 'staleSampleing' is not a configuration field; did you mean staleSampling? known"
                + " fields: " + String.join(", ", org.adaptivesparse.config.ConfigProperties.names()));
        assertConfigurationError("corePair", "@SparseTraining(selectionOptions = \"epochs=2\") on corePair: epochs is"
                + " not a selection mode's option; set it with its own attribute, epochs = ...");
        assertConfigurationError("notAPair", "@SparseTraining(selectionOptions = \"coverage\") on notAPair: 'coverage'"
                + " is not name=value; write e.g. \"staleSampling=coverage\"");
    }

    @Test
    void unknownModelNamesTheAttribute() {
        assertConfigurationError("unknownModel", "@SparseTraining(model = \"resnet50\") on unknownModel: model"
                + " 'resnet50' is not known; allowed: mlp, cnn, resnet, or a class of your project (com.example.Net implementing org.adaptivesparse.model.BlockFactory, or com.example.Nets#method)");
    }

    @Test
    void unknownControlNamesTheAttribute() {
        assertConfigurationError("unknownControl", "@SparseTraining(controls = {\"full\", \"everything\"}) on"
                + " unknownControl: controls 'everything' is not a policy; allowed: ast, full, random, random-batch,"
                + " random-epoch, random-all");
    }

    @Test
    void missingFactoryMethodNamesTheAttribute() {
        String message = configurationError(AstTestKit.reportingTo(reports).run(MisconfiguredFixture.class,
                "missingFactory"));
        assertTrue(message.startsWith("@SparseTraining(modelFactory = \"noSuchMethod\") on missingFactory: no method"
                + " noSuchMethod() in " + MisconfiguredFixture.class.getName() + "; parameterless methods there: "),
                message);
    }

    @Test
    void factoryOfWrongTypeNamesTheAttribute() {
        assertConfigurationError("wrongModelType", "@SparseTraining(modelFactory = \"text\") on wrongModelType:"
                + " MisconfiguredFixture.text() returns java.lang.String; it must return ai.djl.nn.Block or"
                + " org.adaptivesparse.config.ExperimentConfig.Builder");
        assertConfigurationError("wrongDatasetType", "@SparseTraining(datasetFactory = \"text\") on wrongDatasetType:"
                + " MisconfiguredFixture.text() returns java.lang.String; it must return org.adaptivesparse.data.DataSplit");
    }

    @Test
    void factoryThatThrowsIsNamed() {
        assertConfigurationError("throwingModel", "@SparseTraining(modelFactory = \"broken\") on throwingModel:"
                + " MisconfiguredFixture.broken() threw IllegalStateException: no GPU here");
    }

    @Test
    void badPropertyValueNamesTheProperty() {
        String message = configurationError(AstTestKit.reportingTo(reports).with("ast.epochs", "two")
                .run(MisconfiguredFixture.class, "fine"));
        assertEquals("ast.epochs=two (configuration parameter or system property) for fine: epochs 'two' is not a"
                + " whole number", message);
    }

    @Test
    void propertyOutOfRangeNamesTheProperty() {
        String message = configurationError(AstTestKit.reportingTo(reports).with("ast.targetActivation", "150%")
                .run(MisconfiguredFixture.class, "fine"));
        assertEquals("ast.targetActivation=150% (configuration parameter or system property) for fine:"
                + " targetActivation 1.5 is out of range; allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)",
                message);
    }

    @Test
    void classLevelValueIsNamedWithItsClass() {
        String message = configurationError(AstTestKit.reportingTo(reports).run(MisconfiguredClassFixture.class));
        assertEquals("@SparseTraining(epochs = 0) on class MisconfiguredClassFixture: epochs 0 is out of range;"
                + " allowed: 1 or more", message);
    }

    private void assertConfigurationError(String method, String expected) {
        assertEquals(expected, configurationError(AstTestKit.reportingTo(reports).run(MisconfiguredFixture.class, method)));
    }

    private static String configurationError(AstTestKit.Results results) {
        assertEquals(0, results.tests().succeeded().count(), results.summary());
        Throwable failure = results.onlyFailure();
        assertInstanceOf(ExtensionConfigurationException.class, failure, results.summary());
        return failure.getMessage();
    }

    @Fixture
    static class MisconfiguredFixture {
        @Test
        @SparseTraining(targetActivation = 1.5)
        void tooHigh() {
        }

        @Test
        @SparseTraining(model = "resnet50")
        void unknownModel() {
        }

        @Test
        @SparseTraining(targetActivation = Double.NaN)
        void notANumber() {
        }

        @Test
        @SparseTraining(epochs = -1)
        void negativeEpochs() {
        }

        @Test
        @SparseTraining(lossWeight = 0.7, stdWeight = 0.4)
        void weightsApart() {
        }

        @Test
        @SparseTraining(selection = "stale", staleSampling = "softmax")
        void badSampling() {
        }

        @Test
        @SparseTraining(controls = {"full", "everything"})
        void unknownControl() {
        }

        @Test
        @SparseTraining(selection = "stale", selectionOptions = {"staleExploration=20%", "staleSampling=softmax"})
        void badSamplingPair() {
        }

        @Test
        @SparseTraining(selection = "stale", selectionOptions = "staleSampleing=greedy")
        void misspeltPair() {
        }

        @Test
        @SparseTraining(selectionOptions = "epochs=2")
        void corePair() {
        }

        @Test
        @SparseTraining(selectionOptions = "coverage")
        void notAPair() {
        }

        @Test
        @SparseTraining(modelFactory = "noSuchMethod")
        void missingFactory() {
        }

        @Test
        @SparseTraining(modelFactory = "text")
        void wrongModelType() {
        }

        @Test
        @SparseTraining(datasetFactory = "text")
        void wrongDatasetType() {
        }

        @Test
        @SparseTraining(modelFactory = "broken")
        void throwingModel() {
        }

        @Test
        @SparseTraining(epochs = 1)
        void fine() {
        }

        String text() {
            return "not a model";
        }

        static ai.djl.nn.Block broken() {
            throw new IllegalStateException("no GPU here");
        }
    }

    @Fixture
    @SparseTraining(epochs = 0)
    static class MisconfiguredClassFixture {
        @Test
        @SparseTraining(targetActivation = 0.2)
        void usesClassEpochs() {
        }
    }
}
