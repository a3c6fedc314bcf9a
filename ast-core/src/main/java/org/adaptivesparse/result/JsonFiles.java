package org.adaptivesparse.result;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.adaptivesparse.config.Policy;

/**
 * The one Gson configuration every AST file uses, and the schema-version check they share.
 * Files are strict JSON, readable by {@code jq} and {@code JSON.parse}: a NaN (an epoch without a
 * gate has no threshold) is written as {@code null} and a {@code null} read into a {@code double}
 * comes back as NaN. Infinities, which no AST figure should hold, are written as {@code null} too.
 */
public final class JsonFiles {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .registerTypeAdapter(double.class, new NanAsNull(true))
            .registerTypeAdapter(Double.class, new NanAsNull(false))
            .serializeNulls()
            .disableHtmlEscaping()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .registerTypeHierarchyAdapter(Path.class, new ByString<Path>(Path::toString, Path::of))
            .registerTypeAdapter(Policy.class, new ByString<Policy>(Policy::id, id -> Policy.parse("policy", id)))
            .create();

    private JsonFiles() {
    }

    /** The shared Gson instance: pretty, special floats allowed, integral map numbers read as Long. */
    public static Gson gson() {
        return GSON;
    }

    /**
     * Parses {@code json} as a JSON object whose {@code schemaVersion} this build can read.
     *
     * @param file           named in every message
     * @param currentVersion the newest version this build reads
     * @throws AstFileException when the text is not JSON, not an object, or of an unknown version
     */
    public static JsonObject parseVersioned(Path file, String json, int currentVersion) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new AstFileException(file, file + " is not valid JSON: " + detail(e), e);
        }
        if (!root.isJsonObject()) {
            throw new AstFileException(file, file + " is not valid JSON: expected an object at the top level");
        }
        JsonObject o = root.getAsJsonObject();
        JsonElement v = o.get("schemaVersion");
        if (v == null || v.isJsonNull()) {
            throw new AstFileException(file, file + " has no schemaVersion; it was not written by AST");
        }
        int version;
        try {
            version = v.getAsInt();
        } catch (RuntimeException e) {
            throw new AstFileException(file, file + " has schemaVersion " + v + ", which is not a number");
        }
        if (version > currentVersion) {
            throw new AstFileException(file, file + " has schemaVersion " + version + ", newer than this build reads ("
                    + currentVersion + "); upgrade AST or regenerate the file");
        }
        if (version < 1) {
            throw new AstFileException(file, file + " has unknown schemaVersion " + version + "; regenerate the file");
        }
        return o;
    }

    /**
     * The root cause's message of a Gson failure, which says where in the file the problem is,
     * without Gson's advice to its own callers (to parse leniently, or a troubleshooting link):
     * {@code malformed JSON at line 1 column 1 path $}.
     */
    public static String detail(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getMessage();
        }
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s*See https?://\\S+", "")
                .replaceAll("Use JsonReader\\.set\\w+\\([^)]*\\) to accept malformed JSON", "malformed JSON")
                .replaceAll("^End of input at", "the file ends early, at")
                .replaceAll("\\s+", " ").trim();
        return m.startsWith("java.") || m.startsWith("com.google.") ? m.substring(m.indexOf(':') + 1).trim() : m;
    }

    /**
     * A value written as one string and read back from it: a path as itself, a policy as its id
     * ({@code ast}, {@code random-epoch}, the strings result.json has always held).
     */
    private static final class ByString<T> extends TypeAdapter<T> {
        private final Function<T, String> write;
        private final Function<String, T> read;

        ByString(Function<T, String> write, Function<String, T> read) {
            this.write = write;
            this.read = read;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(write.apply(value));
            }
        }

        @Override
        public T read(JsonReader in) throws IOException {
            JsonElement e = JsonParser.parseReader(in);
            return e.isJsonNull() ? null : read.apply(((JsonPrimitive) e).getAsString());
        }
    }

    /** Writes NaN and infinities as {@code null}; reads {@code null} as NaN for primitives, null for boxes. */
    private static final class NanAsNull extends TypeAdapter<Double> {
        private final boolean primitive;

        NanAsNull(boolean primitive) {
            this.primitive = primitive;
        }

        @Override
        public void write(JsonWriter out, Double value) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                in.nextNull();
                return primitive ? Double.NaN : null;
            }
            return in.nextDouble();
        }
    }
}
