package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.SyntheticImages;
import org.adaptivesparse.data.TestImages;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real, small training run on image files in class folders ({@code dataset=folder}). */
class FolderPipelineTest {

    @Test
    void trainsOnImageFilesInClassFolders(@TempDir Path tmp) throws Exception {
        // learnable 4-class images written as PNG files, the way a user's folder holds them
        DataSplit synthetic = SyntheticImages.generate(640, 160, 1, 16, 16, 4, 5);
        Path images = tmp.resolve("images");
        TestImages.write(synthetic.train(), images.resolve("train"));
        TestImages.write(synthetic.test(), images.resolve("test"));
        ExperimentConfig cfg = ExperimentConfig.builder().name("folder").dataset("folder").dataDir(images)
                .imageSize(16).channels(1).model("mlp").epochs(2).batchSize(32).targetActivation(0.5)
                .controls(List.of(Policy.FULL)).outputDir(tmp.resolve("out")).build();

        ExperimentOutcome o = new ExperimentPipeline(null).run(cfg);

        ExperimentResult r = ResultJson.read(o.resultJson());
        assertTrue(o.passed());
        assertEquals("folder", r.settings().get("dataset"));
        assertEquals(16, ((Number) r.settings().get("imageSize")).intValue());
        assertEquals(1, ((Number) r.settings().get("channels")).intValue());
        assertEquals(640, r.control("full").epochs().get(0).samples());
        double full = r.control("full").finalAccuracy();
        double ast = r.ast().finalAccuracy();
        assertTrue(full > 0.8, "full training learns the 4 classes (chance 0.25): " + full);
        assertTrue(ast > 0.5, "AST learns them too: " + ast);
    }
}
