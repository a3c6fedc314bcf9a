package org.adaptivesparse.junit;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.data.DataException;
import org.adaptivesparse.experiment.ExperimentOutcome;
import org.adaptivesparse.experiment.ExperimentPipeline;
import org.adaptivesparse.experiment.FailureSummary;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.ExperimentResult;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the experiment a {@link SparseTraining} test describes right before the test method, hands its
 * result to the method's parameters, and after the method fails the test when the verdict did not pass.
 *
 * <p>Holds no state: the outcome lives in the test's {@link Store} under {@link #NAMESPACE}, the
 * run's {@link ReportIndex} in the root store, so tests may run in parallel.
 */
final class SparseTrainingExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {
    static final Namespace NAMESPACE = Namespace.create(SparseTrainingExtension.class);
    private static final String OUTCOME = "outcome";
    private static final String SETUP = "setup";

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        SparseTrainingConfiguration.TrainingSetup setup = SparseTrainingConfiguration.resolve(context);
        if (setup == null) {
            return;
        }
        JUnitProgressListener listener = new JUnitProgressListener(context);
        setup.warnings().forEach(listener::warn);
        ExperimentOutcome outcome;
        try {
            outcome = new ExperimentPipeline(listener).run(setup.config());
        } catch (ConfigException e) {
            throw setup.sources().misconfigured(e.field(), e.getMessage(), e);
        } catch (DataException e) {
            throw new ExtensionConfigurationException(setup.sources().describeData() + ": " + e.getMessage(), e);
        } catch (AstFileException e) {
            String field = e.file() == null ? null : e.file().equals(setup.config().baselineFile()) ? "baselineFile"
                    : e.file().equals(setup.config().historyFile()) ? "historyFile" : null;
            throw new ExtensionConfigurationException(field != null ? setup.sources().describe(field) + ": "
                    + e.getMessage() : "@SparseTraining on " + context.getRequiredTestMethod().getName()
                    + " (reports under " + setup.reportsDir() + "): " + e.getMessage(), e);
        }
        Store store = context.getStore(NAMESPACE);
        store.put(SETUP, setup);
        store.put(OUTCOME, outcome);
        context.publishReportEntry("ast.report", String.valueOf(outcome.reportHtml()));
        ReportIndex.register(context, setup.config().outputDir());
        ReportIndex.register(context, setup.reportsDir());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Store store = context.getStore(NAMESPACE);
        ExperimentOutcome outcome = store.get(OUTCOME, ExperimentOutcome.class);
        if (outcome == null || outcome.passed()) {
            return;
        }
        AssertionFailedError failure = new AssertionFailedError(failureMessage(outcome));
        Optional<Throwable> bodyFailure = context.getExecutionException();
        if (bodyFailure.isPresent()) {
            bodyFailure.get().addSuppressed(failure);
            return;
        }
        if (!store.get(SETUP, SparseTrainingConfiguration.TrainingSetup.class).failOnViolation()) {
            new JUnitProgressListener(context).warn(failure.getMessage() + System.lineSeparator() + "(not failing: "
                    + SparseTrainingConfiguration.FAIL_ON_VIOLATION + "=false)");
            return;
        }
        throw failure;
    }

    /**
     * The core's {@link FailureSummary}, {@code AST checks have not been met for cnn: 1 violation(s). See
     * target/ast-reports/CnnTest/cnn/report.html}, then each violation on its own line, in the core's words.
     */
    static String failureMessage(ExperimentOutcome outcome) {
        String summary = FailureSummary.of(List.of(outcome), null, String::valueOf).orElseThrow();
        return summary + System.lineSeparator() + String.join(System.lineSeparator(), outcome.violationMessages());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        boolean ours = type == TrainingReport.class || type == ExperimentResult.class || type == ExperimentOutcome.class;
        Optional<Method> testMethod = extensionContext.getTestMethod();
        return ours && testMethod.isPresent() && parameterContext.getDeclaringExecutable().equals(testMethod.get());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExperimentOutcome outcome = extensionContext.getStore(NAMESPACE).get(OUTCOME, ExperimentOutcome.class);
        if (outcome == null) {
            throw new ParameterResolutionException("no training outcome for " + parameterContext.getParameter()
                    + "; is the test method or its class annotated with @SparseTraining?");
        }
        Class<?> type = parameterContext.getParameter().getType();
        if (type == TrainingReport.class) {
            return new TrainingReport(outcome);
        }
        return type == ExperimentResult.class ? outcome.result() : outcome;
    }
}
