package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.ResultJson;
import org.adaptivesparse.verdict.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesItsFilesAndHistoryOnly() throws Exception {
        Path out = dir.resolve("target/ast");
        Files.createDirectories(out.resolve("cnn"));
        Files.writeString(out.resolve("cnn/notes.txt"), "mine");
        ResultFixture f = ResultFixture.result().name("cnn");
        ExperimentConfig cfg = f.config().toBuilder().outputDir(out).historyFile(dir.resolve("history.jsonl")).build();
        ExperimentResult r = f.build();

        ExperimentOutputs o = ReportWriter.write(cfg, r);

        assertEquals(out.resolve("cnn"), o.directory());
        try (Stream<Path> s = Files.list(out.resolve("cnn"))) {
            assertEquals(List.of("bencher.json", "benchmark-bigger.json", "benchmark-smaller.json", "notes.txt",
                    "report.html", "result.json", "summary.md"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("mine", Files.readString(out.resolve("cnn/notes.txt")));
        assertFalse(Files.exists(out.resolve("index.html")), "the index is written once, by IndexPage");
        assertEquals(ResultJson.normalize(r), ResultJson.read(o.resultJson()));
        assertEquals(1, History.read(dir.resolve("history.jsonl")).size());
        ReportWriter.write(cfg, r);
        assertEquals(2, History.read(dir.resolve("history.jsonl")).size());
    }

    @Test
    void everyFileWrittenGetsTheUmasksPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(dir.resolve("ref"))));
        Path out = dir.resolve("ast");
        ResultFixture f = ResultFixture.result().name("cnn");
        ExperimentOutputs o = ReportWriter.write(f.config().toBuilder().outputDir(out)
                .historyFile(dir.resolve("history.jsonl")).build(), f.build());
        Path index = IndexPage.write(out);
        Path baseline = dir.resolve("ast-baseline.json");
        Baseline.write(baseline, f.build());

        for (Path p : List.of(o.resultJson(), o.reportHtml(), o.summaryMd(), index, baseline, dir.resolve("history.jsonl"))) {
            assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }

    @Test
    void prepareCreatesTheDirectory() {
        Path d = dir.resolve("a/b/c");
        assertEquals(d, OutputDirectories.prepare(d));
        assertTrue(Files.isDirectory(d));
    }

    @Test
    void prepareNamesAFileWhereTheDirectoryShouldBe() throws Exception {
        Path file = dir.resolve("target");
        Files.writeString(file, "a file");
        AstFileException e = assertThrows(AstFileException.class, () -> OutputDirectories.prepare(file));
        assertEquals("output directory " + file + " cannot be created: " + file + " exists and is not a directory",
                e.getMessage());
        Path below = file.resolve("ast");
        AstFileException e2 = assertThrows(AstFileException.class, () -> OutputDirectories.prepare(below));
        assertEquals("output directory " + below + " cannot be created: " + file + " exists and is not a directory",
                e2.getMessage());
        assertEquals(below, e2.file());
        Path relative = Path.of("target", "ast-no-such-dir-test");
        assertEquals(relative, OutputDirectories.prepare(relative));
        Files.delete(relative);
    }

    @Test
    void unwritableResultFileNamesIt() throws Exception {
        Path d = dir.resolve("cnn");
        Files.createDirectories(d.resolve("result.json"));
        AstFileException e = assertThrows(AstFileException.class,
                () -> ReportWriter.write(d, ResultFixture.result().build(), null));
        assertTrue(e.getMessage().startsWith(d.resolve("result.json") + " cannot be written: "), e.getMessage());
    }
}
