package org.adaptivesparse.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a fixture class: it runs only through {@link AstTestKit}, never in a normal test run or an
 * IDE's "run all tests in package".
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Fixture.OnlyInTestKit.class)
@interface Fixture {

    /** Enables fixtures when {@link AstTestKit#FIXTURES} is set. */
    final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<Boolean> on = context.getConfigurationParameter(AstTestKit.FIXTURES, Boolean::parseBoolean);
            return on.orElse(false) ? ConditionEvaluationResult.enabled("run by the test kit")
                    : ConditionEvaluationResult.disabled("fixture: runs only through AstTestKit");
        }
    }
}
