package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.adaptivesparse.result.ResultFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {
    @TempDir
    Path dir;

    @Test
    void oneTestCasePerExperimentAndCheckWithFailuresCarryingTheMessage() throws Exception {
        var failing = ReportFixtures.checked("cnn", dir.resolve("b.json"));
        String xml = JUnitXmlReport.render(List.of(ReportFixtures.passing("mlp"), failing,
                ResultFixture.result().name(ReportFixtures.HOSTILE).build()));
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        int checks = ReportFixtures.passing("mlp").verdict().checks().size() + failing.verdict().checks().size();
        assertEquals(String.valueOf(checks + 1), suite.getAttribute("tests"));
        assertEquals(String.valueOf(failing.verdict().violations().size()), suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeList f = c.getElementsByTagName("failure");
            if (f.getLength() > 0) {
                failures.add(c.getAttribute("classname") + " " + c.getAttribute("name") + ": "
                        + ((Element) f.item(0)).getAttribute("message"));
            }
        }
        assertEquals(failing.verdict().violations().get(0).message(),
                failures.get(0).substring("ast.cnn threshold minAccuracy: ".length()));
        assertEquals("ast." + ReportFixtures.HOSTILE, ((Element) cases.item(cases.getLength() - 1)).getAttribute("classname"));
    }
}
