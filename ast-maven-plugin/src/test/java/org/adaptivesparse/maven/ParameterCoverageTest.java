package org.adaptivesparse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.Map;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.SelectionMode;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every core option is a parameter of every goal, documented and settable as {@code -Dast.<name>}:
 * adding an option to {@code Options} without its {@code @Parameter} field fails here. A selection
 * mode's own options need none: the goal reads them from the POM by name (checked here too).
 */
class ParameterCoverageTest {

    @Test
    void everyOptionHasAStringParameterField() {
        List<String> missing = new ArrayList<>();
        for (String name : coreOptions()) {
            // outputDir is the Mojo's outputDirectory, a File defaulting to ${project.build.directory}/ast
            if (!name.equals("outputDir") && ExperimentSetups.find(name) == null) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyGoalDocumentsEveryOptionWithItsUserProperty() throws Exception {
        Document plugin;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertTrue(in != null, "plugin.xml is generated before the tests run");
            plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList mojos = plugin.getElementsByTagName("mojo");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            // report merges results that are already judged: it takes no experiment options
            if (goal.equals("help") || goal.equals(ReportMojo.GOAL)) {
                continue;
            }
            for (String name : coreOptions()) {
                String element = ParameterNames.element(name);
                if (!documented(mojo, element)) {
                    problems.add(goal + ": <" + element + "> has no parameter with a description");
                }
                if (!mojo.getTextContent().contains("${" + ParameterNames.property(name) + "}")) {
                    problems.add(goal + ": " + element + " is not settable as -D" + ParameterNames.property(name));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyModeOptionIsReadFromThePomByName() {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        List<String> names = PomElements.modeOptionNames();
        for (String name : names) {
            Xpp3Dom child = new Xpp3Dom(name);
            child.setValue("v-" + name);
            configuration.addChild(child);
        }
        Xpp3Dom epochs = new Xpp3Dom("epochs");
        epochs.setValue("2");
        configuration.addChild(epochs);
        Map<String, String> read = PomElements.modeOptions(configuration);
        assertEquals(names, List.copyOf(read.keySet()), "every mode option, and no core parameter");
        assertEquals("v-staleSampling", read.get("staleSampling"));
        assertTrue(names.containsAll(List.of("staleSampling", "score", "importanceFloor", "primeEpochs")), names.toString());
    }

    private static List<String> coreOptions() {
        return Options.all().stream().filter(o -> !SelectionMode.isModeOption(o)).map(Option::name).toList();
    }

    private static boolean documented(Element mojo, String element) {
        NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element p = (Element) parameters.item(i);
            if (text(p, "name").equals(element)) {
                return !text(p, "description").isBlank();
            }
        }
        return false;
    }

    private static String text(Element e, String child) {
        NodeList l = e.getElementsByTagName(child);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }
}
