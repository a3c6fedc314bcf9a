package org.adaptivesparse.report;

import org.adaptivesparse.config.Policy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.EnvironmentInfo;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.HistorySeries;
import org.adaptivesparse.result.SettingValues;
import org.adaptivesparse.result.JsonFiles;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.stats.Spread;
import org.adaptivesparse.result.TextFiles;

/**
 * An optional history file: JSON lines, one {@link HistoryEntry} per run, each carrying its
 * {@code schemaVersion}, appended (by replacing the file atomically with one more line), so a CI cache
 * or a commit can keep it and it grows with each build (see docs/outputs.md, "History").
 */
public final class History {
    private static final Gson LINE = new GsonBuilder().serializeSpecialFloatingPointValues().serializeNulls()
            .disableHtmlEscaping().create();

    private History() {
    }

    /** Appends {@code result}'s headline figures, stamped now. */
    public static HistoryEntry append(Path file, ExperimentResult result) {
        return append(file, result, Instant.now());
    }

    /**
     * Appends {@code result}'s headline figures, creating the file and its parent directories.
     *
     * @return the entry appended
     * @throws AstFileException naming the file when it cannot be written
     */
    public static HistoryEntry append(Path file, ExperimentResult result, Instant at) {
        Spread accuracy = result.spread(Policy.AST, RunResult::finalAccuracy);
        boolean several = result.seedCount() > 1;
        HistoryEntry e = new HistoryEntry(HistoryEntry.SCHEMA_VERSION, at.truncatedTo(ChronoUnit.SECONDS).toString(), result.name(),
                result.environment() == null ? null : result.environment().gitCommit(), accuracy.median(),
                result.spread(Policy.AST, RunResult::activationRate).median(),
                result.spread(Policy.AST, RunResult::modeledSavings).median(),
                result.comparison() == null ? null : result.comparison().speedupVsFull(),
                result.verdict() == null ? null : result.verdict().passed(), several ? accuracy.min() : null,
                several ? accuracy.max() : null, finite(result.spread(Policy.AST, RunResult::finalSelectionLift).median()),
                result.environment() == null ? null : result.environment().fingerprint(),
                SettingValues.normalize(result.settings()));
        String before = Files.exists(file) ? TextFiles.read(file, null) : "";
        if (!before.isEmpty() && !before.endsWith("\n")) {
            before += "\n";
        }
        // the whole file is replaced atomically, so a run stopped mid-write never leaves half a line
        TextFiles.write(file, before + LINE.toJson(e) + "\n");
        return e;
    }

    /**
     * Every entry in the file, oldest first; empty when the file does not exist yet.
     *
     * @throws AstFileException naming the file and line when a line is not valid JSON
     */
    public static List<HistoryEntry> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = TextFiles.read(file, null);
        List<HistoryEntry> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonElement json;
            try {
                json = JsonParser.parseString(lines[i]);
            } catch (RuntimeException ex) {
                throw new AstFileException(file, file + " line " + (i + 1) + " is not valid JSON: "
                        + JsonFiles.detail(ex).replaceFirst("at line 1 column (\\d+) path \\$", "at column $1"), ex);
            }
            HistoryEntry e;
            try {
                e = json.isJsonObject() ? JsonFiles.gson().fromJson(json, HistoryEntry.class) : null;
            } catch (RuntimeException ex) {
                throw new AstFileException(file, file + " line " + (i + 1) + " is not an AST history entry: "
                        + JsonFiles.detail(ex), ex);
            }
            if (e == null || e.experiment() == null) {
                throw new AstFileException(file, file + " line " + (i + 1) + " is not an AST history entry: it has no"
                        + " 'experiment'; historyFile must name a file AST writes (JSON lines), or none yet");
            }
            if (e.schemaVersion() > HistoryEntry.SCHEMA_VERSION) {
                throw new AstFileException(file, file + " line " + (i + 1) + " has schemaVersion "
                        + e.schemaVersion() + ", newer than this build reads (" + HistoryEntry.SCHEMA_VERSION
                        + "); upgrade AST or start a new history file");
            }
            out.add(e);
        }
        return out;
    }

    /**
     * The earlier runs {@code result} is judged against: the last {@code window} entries of its experiment
     * with the same settings and the same environment fingerprint (none unknown). Lines written before
     * version 3 record neither and belong to no series; another environment starts its own.
     */
    public static HistorySeries series(List<HistoryEntry> all, ExperimentResult result, int window) {
        java.util.Map<String, String> here = result.environment() == null ? null : result.environment().fingerprint();
        String name = seriesName(here);
        if (here == null || here.containsValue(EnvironmentInfo.UNKNOWN)) {
            return new HistorySeries(name, List.of(), List.of(), List.of());
        }
        List<HistoryEntry> mine = all.stream().filter(e -> result.name().equals(e.experiment())
                && here.equals(e.environment()) && e.settings() != null
                && SettingValues.differences(e.settings(), result.settings()).isEmpty()).toList();
        mine = mine.subList(Math.max(0, mine.size() - window), mine.size());
        return new HistorySeries(name, mine.stream().map(HistoryEntry::accuracy).toList(),
                mine.stream().map(HistoryEntry::modeledSavings).toList(),
                mine.stream().map(e -> e.selectionLift() == null ? Double.NaN : e.selectionLift()).toList());
    }

    /** A series' name as reports show it: {@code Intel Xeon (sha256:1a2b3c4d5e6f, PyTorch 2.7.1, 1 thread)}. */
    static String seriesName(java.util.Map<String, String> fingerprint) {
        if (fingerprint == null) {
            return "an unknown environment";
        }
        String threads = fingerprint.get("threads");
        return fingerprint.get("cpuModel") + " (" + fingerprint.get("cpuFlags") + ", " + fingerprint.get("engine") + ", "
                + threads + " thread" + ("1".equals(threads) ? "" : "s") + ")";
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The last {@code n} entries of {@code experiment}, oldest first. */
    public static List<HistoryEntry> last(List<HistoryEntry> all, String experiment, int n) {
        List<HistoryEntry> mine = all.stream().filter(e -> experiment.equals(e.experiment())).toList();
        return mine.subList(Math.max(0, mine.size() - n), mine.size());
    }
}
