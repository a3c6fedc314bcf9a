package org.adaptivesparse.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.SelectionMode;
import org.adaptivesparse.config.Suggestions;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads what the POM wrote under the plugin's {@code <configuration>} as it was written: the
 * {@code <experiments>} elements by name, a selection mode's own options by name (they have no
 * parameter field: a mode declares them in the core, and a new mode needs no edit here), and every
 * element name, so a misspelt one is an error with a suggestion instead of a setting silently
 * ignored (Maven drops elements it has no parameter for).
 */
final class PomElements {
    private PomElements() {
    }

    /** Each {@code <experiment>}'s elements, by element name, in POM order; empty when there is no {@code <experiments>}. */
    static List<Map<String, String>> experiments(PlexusConfiguration experiments) throws MojoExecutionException {
        List<Map<String, String>> out = new ArrayList<>();
        if (experiments == null) {
            return out;
        }
        for (PlexusConfiguration experiment : experiments.getChildren()) {
            if (!"experiment".equals(experiment.getName())) {
                throw new MojoExecutionException("<experiments><" + experiment.getName()
                        + ">: <experiments> may only hold <experiment> elements");
            }
            Map<String, String> elements = new LinkedHashMap<>();
            for (PlexusConfiguration element : experiment.getChildren()) {
                if (element.getChildCount() > 0) {
                    throw new MojoExecutionException("<experiments><experiment> #" + (out.size() + 1) + " <"
                            + element.getName() + "> holds elements; it takes a value such as <epochs>3</epochs>");
                }
                String value = element.getValue();
                if (value != null) {
                    elements.put(element.getName(), value);
                }
            }
            out.add(elements);
        }
        return out;
    }

    /**
     * The selection modes' own options written as elements of this plugin's {@code <configuration>}
     * ({@code <staleSampling>coverage</staleSampling>}), plugin-wide then this execution's, by name.
     */
    static Map<String, String> modeOptions(MavenProject project, MojoExecution execution) {
        Map<String, String> out = new LinkedHashMap<>();
        if (project == null || execution == null) {
            return out;
        }
        Plugin plugin = project.getBuild().getPluginsAsMap().get(execution.getGroupId() + ":" + execution.getArtifactId());
        if (plugin == null) {
            return out;
        }
        out.putAll(modeOptions(plugin.getConfiguration()));
        PluginExecution own = plugin.getExecutionsAsMap().get(execution.getExecutionId());
        if (own != null) {
            out.putAll(modeOptions(own.getConfiguration()));
        }
        return out;
    }

    /** The mode options among the children of one {@code <configuration>}, by name. */
    static Map<String, String> modeOptions(Object configuration) {
        Map<String, String> out = new LinkedHashMap<>();
        if (configuration instanceof Xpp3Dom dom) {
            for (Xpp3Dom child : dom.getChildren()) {
                if (modeOptionNames().contains(child.getName()) && child.getValue() != null) {
                    out.put(child.getName(), child.getValue());
                }
            }
        }
        return out;
    }

    /** Every selection mode's own option name. */
    static List<String> modeOptionNames() {
        return Options.all().stream().filter(SelectionMode::isModeOption).map(Option::name).toList();
    }

    /**
     * Fails on an element under this plugin's {@code <configuration>} (plugin-wide or of this
     * execution) that no goal of the plugin has a parameter for and that is no selection mode's option.
     */
    static void rejectUnknown(MavenProject project, MojoExecution execution) throws MojoExecutionException {
        if (project == null || execution == null) {
            return;
        }
        Plugin plugin = project.getBuild().getPluginsAsMap().get(execution.getGroupId() + ":" + execution.getArtifactId());
        if (plugin == null) {
            return;
        }
        TreeSet<String> known = new TreeSet<>();
        for (MojoDescriptor mojo : execution.getMojoDescriptor().getPluginDescriptor().getMojos()) {
            for (Parameter p : mojo.getParameters()) {
                if (p.isEditable()) {
                    known.add(p.getName());
                    if (p.getAlias() != null) {
                        known.add(p.getAlias());
                    }
                }
            }
        }
        known.addAll(modeOptionNames());
        check(plugin.getConfiguration(), "<configuration>", known);
        PluginExecution own = plugin.getExecutionsAsMap().get(execution.getExecutionId());
        if (own != null) {
            check(own.getConfiguration(), "<execution> '" + own.getId() + "' <configuration>", known);
        }
    }

    private static void check(Object configuration, String where, TreeSet<String> known) throws MojoExecutionException {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        for (Xpp3Dom child : dom.getChildren()) {
            if (!known.contains(child.getName())) {
                throw new MojoExecutionException(where + " <" + child.getName() + ">: '" + child.getName()
                        + "' is not a parameter of the AST goals;" + Suggestions.didYouMean(child.getName(), known)
                        + " known parameters: " + String.join(", ", known));
            }
        }
    }
}
