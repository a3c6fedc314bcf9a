package org.adaptivesparse.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs {@link Fixture} classes on the Jupiter engine, the way junit-pioneer's {@code PioneerTestKit}
 * does: reports go to the given directory, configuration parameters can be added.
 */
final class AstTestKit {
    /** Configuration parameter that enables {@link Fixture} classes. */
    static final String FIXTURES = "ast-junit.fixtures";

    private final Map<String, String> parameters = new LinkedHashMap<>();

    private AstTestKit(Path reportsDir) {
        parameters.put(FIXTURES, "true");
        parameters.put(SparseTrainingConfiguration.REPORTS_DIR, reportsDir.toString());
    }

    /** A kit writing reports under {@code reportsDir}. */
    static AstTestKit reportingTo(Path reportsDir) {
        return new AstTestKit(reportsDir);
    }

    /** Adds a configuration parameter, e.g. {@code ast.epochs}. */
    AstTestKit with(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    /** Runs every test of the fixture class. */
    Results run(Class<?> fixture) {
        return execute(selectClass(fixture));
    }

    /** Runs one test method of the fixture class. */
    Results run(Class<?> fixture, String method) {
        return execute(selectMethod(fixture, method));
    }

    private Results execute(DiscoverySelector selector) {
        return new Results(EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .selectors(selector).execute());
    }

    /** What a fixture run produced. */
    record Results(EngineExecutionResults raw) {
        Events tests() {
            return raw.testEvents();
        }

        /** Asserts how many tests succeeded and failed, showing every test's outcome when the counts differ. */
        Results assertCounts(int succeeded, int failed) {
            long s = tests().succeeded().count();
            long f = tests().failed().count();
            if (s != succeeded || f != failed) {
                throw new AssertionError("expected " + succeeded + " succeeded and " + failed + " failed, got " + s
                        + " and " + f + ":" + summary());
            }
            return this;
        }

        /** The failure of the only failed test, or an error naming what happened instead. */
        Throwable onlyFailure() {
            List<Event> failed = tests().failed().list();
            if (failed.size() != 1) {
                throw new AssertionError("expected exactly one failed test, got " + failed.size() + ": " + summary());
            }
            return failed.get(0).getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                    .orElseThrow();
        }

        /** Every finished test with its status and message, for assertion messages. */
        String summary() {
            StringBuilder b = new StringBuilder();
            for (Event e : tests().finished().list()) {
                TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
                b.append(System.lineSeparator()).append(e.getTestDescriptor().getDisplayName()).append(": ")
                        .append(r.getStatus());
                r.getThrowable().ifPresent(t -> b.append(" ").append(t));
            }
            return b.toString();
        }
    }
}
