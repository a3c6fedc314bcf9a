/**
 * The {@link org.adaptivesparse.junit.SparseTraining @SparseTraining} JUnit 5 extension: a thin front
 * end over {@code ast-core}.
 *
 * <h2>Overrides without code changes</h2>
 * Every configuration field can be overridden for the whole run by a JUnit configuration parameter
 * or system property {@code ast.<field>}, the same names the Maven goal uses: {@code -Dast.epochs=1},
 * or {@code ast.limit=2000} in {@code junit-platform.properties}. Precedence, lowest first:
 * core defaults, class annotation, method annotation, then {@code ast.*} configuration parameters
 * and system properties, which override all. Unknown {@code ast.*} system properties are reported
 * as warnings, not errors, because the Maven goal's own switches may reach the test JVM.
 * Switches of the extension itself:
 * <ul>
 *   <li>{@code ast.reportsDir} (default {@code target/ast-reports}): reports go to
 *       {@code <reportsDir>/<test class name>/<name>/}, where {@code name} defaults to the method
 *       name; {@code <reportsDir>/index.html} links every experiment of the test run with its verdict,
 *       {@code <reportsDir>/<test class name>/index.html} those of one class.</li>
 *   <li>{@code ast.failOnViolation} (default {@code true}): {@code false} reports violations as
 *       report entries and log warnings without failing the test.</li>
 * </ul>
 * {@code ast.name} and {@code ast.outputDir} are ignored here: names and directories are per test.
 *
 * <h2>Selection modes</h2>
 * {@code selection = "importance"} draws each epoch's samples with probability proportional to
 * {@code score^importanceAlpha} (default 1.0) mixed with the uniform share {@code importanceFloor}
 * (default 0.3), and weights each trained sample's loss by {@code 1 / (n p)}, clipped and normalised
 * to mean 1 over the epoch's draws. {@code score} ({@code loss}, {@code gradnorm} or {@code article})
 * chooses what the {@code stale} and {@code importance} modes store per sample; {@code primeEpochs}
 * (first epochs uniform at the same budget) and {@code pressureSchedule} ({@code constant} or
 * {@code decay}: the uniform share grows linearly to 1 by the last epoch) set their selection
 * pressure over the run. {@code staleSampling = "coverage"} or {@code "percentile"} (with
 * {@code percentileBeta}) change how the {@code stale} mode draws its score-driven share. The attributes have the meaning and defaults of the README's
 * "Parameters and defaults"; {@code mvn ast:help} lists the same options.
 *
 * <p>Any option a selection mode declares can also be given as {@code name=value} in
 * {@code selectionOptions}, e.g. {@code @SparseTraining(selection = "stale", selectionOptions =
 * {"staleSampling=coverage", "staleExploration=20%"})}; a mode added later has its options there
 * only, without attributes of their own. Each pair is read and checked as the attribute or
 * {@code -Dast.<name>} would be, and an error names the pair.
 *
 * <h2>Parallel execution</h2>
 * Safe with JUnit's parallel execution: the extension keeps its state in the test's store, and
 * training tests hold the {@link SparseTraining#TRAINING_LOCK} resource lock, so they train one at a time while
 * other tests run beside them (DJL's PyTorch engine allows one gradient recording per process).
 *
 * <h2>Misconfiguration</h2>
 * An unknown model or dataset, a factory method that is missing or returns the wrong type, a value out
 * of range or unreadable text fails the test with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the attribute or
 * property and its value, followed by the core's explanation.
 */
package org.adaptivesparse.junit;
