package org.adaptivesparse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.adaptivesparse.report.JUnitXmlReport;
import org.adaptivesparse.report.MarkdownSummary;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Actions recipe in {@code docs/github-actions-ast.yml} is valid YAML, and every
 * {@code ast:<goal>} and {@code -Dast.<name>} it runs exists in this plugin's descriptor: renaming a
 * goal or parameter without updating the recipe fails here.
 */
class AstRecipeTest {
    private static final Path RECIPE = Path.of("..", "docs", "github-actions-ast.yml");

    @Test
    void recipeIsValidYamlAndUsesOnlyGoalsAndParametersThatExist() throws Exception {
        String text = Files.readString(RECIPE);
        Object root = new Yaml().load(text);
        assertTrue(root instanceof Map, "a workflow is a mapping");
        Map<?, ?> jobs = (Map<?, ?>) ((Map<?, ?>) root).get("jobs");
        assertEquals(Set.of("train", "report"), jobs.keySet());

        List<String> runs = new ArrayList<>();
        collectRuns(root, runs);
        String commands = String.join("\n", runs);
        Set<String> goals = new TreeSet<>();
        Matcher g = Pattern.compile("\\bast:([A-Za-z]+)").matcher(commands);
        while (g.find()) {
            goals.add(g.group(1));
        }
        Set<String> properties = new TreeSet<>();
        Matcher p = Pattern.compile("-Dast\\.([A-Za-z]+)").matcher(commands);
        while (p.find()) {
            properties.add(p.group(1));
        }
        assertEquals(Set.of("train", "report"), goals, "the recipe trains and merges");
        assertTrue(properties.containsAll(Set.of("experiments", "outputDirectory", "historyFile", "merge")), properties.toString());

        Document plugin;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Set<String> knownGoals = new TreeSet<>();
        Set<String> knownProperties = new TreeSet<>();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            knownGoals.add(mojo.getElementsByTagName("goal").item(0).getTextContent().trim());
            Matcher m = Pattern.compile("\\$\\{ast\\.([A-Za-z]+)}").matcher(mojo.getTextContent());
            while (m.find()) {
                knownProperties.add(m.group(1));
            }
        }
        Set<String> unknownGoals = new TreeSet<>(goals);
        unknownGoals.removeAll(knownGoals);
        Set<String> unknownProperties = new TreeSet<>(properties);
        unknownProperties.removeAll(knownProperties);
        assertEquals(Set.of(), unknownGoals, "goals the plugin does not have");
        assertEquals(Set.of(), unknownProperties, "ast.* properties no goal reads");
    }

    @Test
    void recipeFindsTheFilesTheCoreWrites() throws Exception {
        String text = Files.readString(RECIPE);
        assertTrue(text.contains("const marker = '" + MarkdownSummary.MARKER + "';"), "the comment is found by the marker");
        assertTrue(text.contains("target/ast/" + JUnitXmlReport.FILE_NAME));
        assertTrue(text.contains("target/ast/" + MarkdownSummary.FILE_NAME));
        assertTrue(text.contains("/benchmark-bigger.json") && text.contains("tool: customBiggerIsBetter"));
    }

    private static void collectRuns(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("run".equals(k) && v instanceof String s) {
                    out.add(s);
                } else {
                    collectRuns(v, out);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(e -> collectRuns(e, out));
        }
    }
}
