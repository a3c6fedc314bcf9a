package org.adaptivesparse.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds and calls the methods named by {@link SparseTraining#modelFactory()} and
 * {@link SparseTraining#datasetFactory()}: a parameterless method of the test class (static, or
 * called on the test instance) or {@code "com.example.Type#method"} for a static method elsewhere.
 */
final class FactoryMethods {
    private FactoryMethods() {
    }

    /**
     * A factory method and the object to call it on.
     *
     * @param method  the method, accessible
     * @param target  the test instance for an instance method, else null
     * @param setting the attribute that named it, for messages
     */
    record Factory(Method method, Object target, AnnotationSettings.Setting setting) {
        Class<?> returnType() {
            return method.getReturnType();
        }

        /** Calls the method; a failure or a null result becomes an {@link ExtensionConfigurationException} naming it. */
        Object call() {
            Object value;
            try {
                value = ReflectionSupport.invokeMethod(method, target);
            } catch (RuntimeException | Error e) {
                throw new ExtensionConfigurationException(setting.source() + ": " + describe() + " threw "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
            if (value == null) {
                throw new ExtensionConfigurationException(setting.source() + ": " + describe() + " returned null");
            }
            return value;
        }

        /** {@code CnnTest.tinyModel()}. */
        String describe() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        }

        /** The error for a factory whose return type is not one of {@code allowed}. */
        ExtensionConfigurationException wrongType(String allowed) {
            return new ExtensionConfigurationException(setting.source() + ": " + describe() + " returns "
                    + method.getReturnType().getCanonicalName() + "; it must return " + allowed);
        }
    }

    /** Resolves the factory a setting names. */
    static Factory find(ExtensionContext context, AnnotationSettings.Setting setting) {
        String spec = String.valueOf(setting.value()).trim();
        Class<?> type;
        String name;
        boolean external = spec.contains("#");
        if (external) {
            String className = spec.substring(0, spec.indexOf('#'));
            name = spec.substring(spec.indexOf('#') + 1);
            type = ReflectionSupport.tryToLoadClass(className).toOptional().orElseThrow(
                    () -> new ExtensionConfigurationException(setting.source() + ": class " + className + " not found"));
        } else {
            type = context.getRequiredTestClass();
            name = spec;
        }
        Optional<Method> method = ReflectionSupport.findMethod(type, name);
        if (method.isEmpty()) {
            boolean withParameters = !ReflectionSupport.findMethods(type, m -> m.getName().equals(name),
                    HierarchyTraversalMode.BOTTOM_UP).isEmpty();
            throw new ExtensionConfigurationException(setting.source() + ": " + (withParameters
                    ? type.getSimpleName() + "." + name + " takes parameters; a factory method takes none"
                    : "no method " + name + "() in " + type.getName() + "; parameterless methods there: " + methodNames(type)));
        }
        Method m = method.get();
        Object target = null;
        if (!Modifier.isStatic(m.getModifiers())) {
            if (external) {
                throw new ExtensionConfigurationException(setting.source() + ": " + type.getSimpleName() + "." + name
                        + "() is not static; a factory outside the test class must be static");
            }
            target = context.getTestInstance().orElseThrow(() -> new ExtensionConfigurationException(
                    setting.source() + ": " + name + "() is an instance method but there is no test instance"));
        }
        return new Factory(m, target, setting);
    }

    private static String methodNames(Class<?> type) {
        String names = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getParameterCount() == 0)
                .filter(m -> !m.isSynthetic()).map(Method::getName).distinct().sorted()
                .reduce((a, b) -> a + ", " + b).orElse("none");
        return names.isEmpty() ? "none" : names;
    }
}
