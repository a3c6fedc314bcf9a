package org.adaptivesparse.config;

import java.util.List;
import java.util.Locale;
import org.adaptivesparse.data.DatasetCatalog;
import org.adaptivesparse.data.DatasetFactory;
import org.adaptivesparse.model.BlockFactory;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.project.ClassReference;
import org.adaptivesparse.project.ProjectClasses;
import org.adaptivesparse.project.ProjectCode;
import org.adaptivesparse.project.ReferenceException;

/**
 * The {@code model} and {@code dataset} options' values: a built-in name, or a class of the project
 * ({@link ProjectCode}). Resolves references in the option's own words, so that a bad one fails as a
 * {@link ConfigException} naming the option ("did you mean", "not compiled yet", the wrong type),
 * whether at configuration time or when the engine first calls the user's code.
 */
public final class ProjectReferences {
    static final String MODEL_NOTE = ", or a class of your project (com.example.Net implementing "
            + BlockFactory.class.getName() + ", or com.example.Nets#method)";
    static final String DATASET_NOTE = ", or a class of your project (com.example.Data implementing "
            + DatasetFactory.class.getName() + ", or com.example.Datasets#method)";

    private ProjectReferences() {
    }

    /** Whether the value names a class of the project rather than a built-in model or dataset. */
    public static boolean isReference(String value) {
        return ClassReference.isReference(value);
    }

    /**
     * The network factory the {@code model} option names. Its blocks come from the user's code: a
     * failure there (an exception, a null) is a {@link ConfigException} naming {@code model} too.
     *
     * @throws ConfigException naming {@code model} when the reference cannot serve
     */
    public static BlockFactory model(ProjectClasses classes, String reference) {
        BlockFactory factory;
        try {
            factory = ProjectCode.blockFactory(classes, reference);
        } catch (ReferenceException e) {
            throw new ConfigException("model", "model " + reference.trim() + ": " + e.getMessage()
                    + suggestion(classes, reference), e);
        }
        return (shape, classCount) -> {
            try {
                return factory.newBlock(shape, classCount);
            } catch (ReferenceException e) {
                throw new ConfigException("model", "model " + reference.trim() + ": " + e.getMessage(), e);
            }
        };
    }

    /**
     * The data factory the {@code dataset} option names.
     *
     * @throws ConfigException naming {@code dataset} when the reference cannot serve
     */
    public static DatasetFactory dataset(ProjectClasses classes, String reference) {
        try {
            return ProjectCode.datasetFactory(classes, reference);
        } catch (ReferenceException e) {
            throw new ConfigException("dataset", "dataset " + reference.trim() + ": " + e.getMessage()
                    + suggestion(classes, reference), e);
        }
    }

    /** Checks a {@code model} value: a built-in name (returned canonical) or a class that can serve. */
    /**
     * Checks a value that names a network as {@code model} does, for another option: its messages
     * name {@code field}.
     */
    public static String checkNetwork(String field, String v, Option.Values o) {
        try {
            return checkModel(v, o);
        } catch (ConfigException e) {
            String m = e.getMessage();
            throw new ConfigException(field, field + (m.startsWith("model") ? m.substring("model".length()) : ": " + m), e);
        }
    }

    static String checkModel(String v, Option.Values o) {
        if (isReference(v)) {
            if (o.projectClasses().loads()) {
                model(o.projectClasses(), v);
            }
            return v.trim();
        }
        return known("model", v, Models.names(), MODEL_NOTE, o.projectClasses());
    }

    /** Checks a {@code dataset} value likewise. */
    static String checkDataset(String v, Option.Values o) {
        if (isReference(v)) {
            if (o.projectClasses().loads()) {
                dataset(o.projectClasses(), v);
            }
            return v.trim();
        }
        return known("dataset", v, DatasetCatalog.names(), DATASET_NOTE, o.projectClasses());
    }

    private static String known(String field, String v, List<String> names, String note, ProjectClasses classes) {
        String s = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
        if (names.contains(s)) {
            return s;
        }
        throw new ConfigException(field, field + " '" + v + "' is not known; allowed: " + String.join(", ", names)
                + note + suggestion(classes, v));
    }

    /**
     * {@code "; did you mean com.example.fashion.FashionNet?"}: a project class with the same simple
     * name, else the nearest full name; empty when none is near or the classes are not known.
     */
    private static String suggestion(ProjectClasses classes, String v) {
        if (v == null || !classes.loads()) {
            return "";
        }
        String typed = v.trim().replaceAll("#.*", "");
        String simple = typed.substring(typed.lastIndexOf('.') + 1);
        List<String> names = classes.classNames();
        List<String> same = names.stream().filter(n -> !n.equals(typed))
                .filter(n -> n.substring(n.lastIndexOf('.') + 1).equalsIgnoreCase(simple)).toList();
        if (same.size() == 1) {
            return "; did you mean " + same.get(0) + "?";
        }
        String near = Suggestions.nearest(typed, names);
        return near == null || near.equals(typed) ? "" : "; did you mean " + near + "?";
    }
}
