package org.adaptivesparse.result;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/**
 * Writes and reads {@code result.json}: an {@link ExperimentResult}, pretty-printed and versioned
 * by {@link ExperimentResult#SCHEMA_VERSION}.
 *
 * <p>Numbers inside the {@code settings} and {@code configuration} maps come back as {@link Long}
 * when integral and {@link Double} otherwise; compare settings with {@link SettingValues}, and
 * compare a re-read result with one passed through {@link #normalize(ExperimentResult)}.
 */
public final class ResultJson {
    /** The file name inside an experiment's output directory. */
    public static final String FILE_NAME = "result.json";

    private ResultJson() {
    }

    /** The result as pretty-printed JSON. */
    public static String toJson(ExperimentResult result) {
        return JsonFiles.gson().toJson(result);
    }

    /**
     * Parses a result.
     *
     * @param source named in messages
     * @throws AstFileException when the text is not valid JSON, has an unknown schema version or lacks required fields
     */
    public static ExperimentResult fromJson(String json, Path source) {
        JsonObject o = JsonFiles.parseVersioned(source, json, ExperimentResult.SCHEMA_VERSION);
        for (String required : new String[] {"name", "runs"}) {
            if (!o.has(required) || o.get(required).isJsonNull()) {
                throw new AstFileException(source, source + " is not a valid AST result: it has no '" + required + "'");
            }
        }
        try {
            return JsonFiles.gson().fromJson(o, ExperimentResult.class);
        } catch (RuntimeException e) {
            throw new AstFileException(source, source + " is not a valid AST result: " + JsonFiles.detail(e), e);
        }
    }

    /** Writes {@code result} to {@code file}, creating parent directories. */
    public static void write(Path file, ExperimentResult result) {
        TextFiles.write(file, toJson(result) + "\n");
    }

    /**
     * Reads a result file.
     *
     * @throws AstFileException naming the file: "… does not exist; run ast:train first", "… is not valid JSON: …"
     */
    public static ExperimentResult read(Path file) {
        return fromJson(TextFiles.read(file, "run ast:train first"), file);
    }

    /** {@code result} with its maps' numbers in the types {@link #read(Path)} returns. */
    public static ExperimentResult normalize(ExperimentResult r) {
        return new ExperimentResult(r.schemaVersion(), r.name(), r.description(), r.startedAt(),
                SettingValues.normalize(r.settings()), SettingValues.normalize(r.configuration()), r.environment(),
                r.runs(), r.comparison(), r.verdict(), r.sweep());
    }
}
