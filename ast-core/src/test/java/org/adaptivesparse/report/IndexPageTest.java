package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexPageTest {
    @TempDir
    Path dir;

    @Test
    void oneRowPerExperimentWithRelativeLinks() throws Exception {
        ReportWriter.write(dir.resolve("mlp"), ReportFixtures.passing("mlp"), null);
        ReportWriter.write(dir.resolve("cnn"), ReportFixtures.checked("cnn", dir.resolve("b.json")), null);
        Files.createDirectories(dir.resolve("not-an-experiment"));
        Path index = IndexPage.write(dir);
        assertEquals(dir.resolve("index.html"), index);
        Document d = Jsoup.parse(index.toFile());
        Elements rows = d.select("table.index tbody tr");
        assertEquals(2, rows.size());
        assertEquals(List.of("cnn/report.html", "mlp/report.html"), rows.select("a").eachAttr("href"));
        assertEquals(List.of("FAIL", "PASS"), rows.stream().map(r -> r.child(1).text()).toList());
        assertTrue(d.select("script").isEmpty());
    }

    @Test
    void unreadableResultIsListedNotHidden() throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/result.json"), "{");
        Document d = Jsoup.parse(IndexPage.write(dir).toFile());
        assertTrue(d.text().contains("broken" + java.io.File.separator + "result.json is not valid JSON"), d.text());
    }

    @Test
    void hostileNameIsEscaped() {
        Map<String, ExperimentResult> m = new LinkedHashMap<>();
        m.put("script-alert-1-script-a-b", ResultFixture.result().name(ReportFixtures.HOSTILE).build());
        String html = IndexPage.render(m);
        assertFalse(html.contains("<script>"));
        Document d = Jsoup.parse(html);
        assertTrue(d.select("script").isEmpty());
        assertEquals(ReportFixtures.HOSTILE, d.selectFirst("table.index a").text());
        assertEquals("script-alert-1-script-a-b/report.html", d.selectFirst("table.index a").attr("href"));
    }
}
