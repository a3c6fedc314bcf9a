package org.adaptivesparse.result;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
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
            return JsonFiles.gson().fromJson(upgrade(o), ExperimentResult.class);
        } catch (RuntimeException e) {
            throw new AstFileException(source, source + " is not a valid AST result: " + JsonFiles.detail(e), e);
        }
    }

    /**
     * Brings a result written by an older build to the shape this build writes: the one place that
     * knows what older writers left out. Every field was added compatibly within schema version 1, so
     * the fields themselves say how old a result is:
     * <ul>
     * <li>{@code runs[].evaluations} (before evaluations during training): none;
     * <li>{@code sweep} (before sweeps): none;
     * <li>{@code comparison.seeds} (before seeds): 1;
     * <li>{@code verdict.checks} (before checks were recorded): none.
     * </ul>
     * Fields older results lack that stay absent (a run's {@code seed}, its time to target, an epoch's
     * selection lift) read as null or NaN, which is what they mean. A field added later, or a new schema
     * version, is upgraded here.
     */
    static JsonObject upgrade(JsonObject o) {
        JsonObject out = o.deepCopy();
        for (JsonElement run : out.getAsJsonArray("runs")) {
            if (run.isJsonObject()) {
                orDefault(run.getAsJsonObject(), "evaluations", new JsonArray());
            }
        }
        orDefault(out, "sweep", new JsonArray());
        if (out.get("comparison") instanceof JsonObject c) {
            orDefault(c, "seeds", new JsonPrimitive(1));
        }
        if (out.get("verdict") instanceof JsonObject v) {
            orDefault(v, "checks", new JsonArray());
        }
        return out;
    }

    private static void orDefault(JsonObject o, String field, JsonElement value) {
        if (!o.has(field) || o.get(field).isJsonNull()) {
            o.add(field, value);
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
        return r.toBuilder().settings(SettingValues.normalize(r.settings()), SettingValues.normalize(r.configuration()))
                .build();
    }
}
