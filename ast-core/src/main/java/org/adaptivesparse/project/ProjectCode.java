package org.adaptivesparse.project;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.adaptivesparse.data.DataContext;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.DatasetFactory;
import org.adaptivesparse.data.DatasetPair;
import org.adaptivesparse.model.BlockFactory;

/**
 * Turns a reference to the project's code into the factory the engine calls: a {@code model} value
 * into a {@link BlockFactory}, a {@code dataset} value into a {@link DatasetFactory}. Resolving checks
 * everything that can be checked without running the user's code (the class exists, has the right
 * type, a public constructor or a fitting static method); the factories returned turn a failure of
 * the user's code (an exception, a null) into a {@link ReferenceException} that names it.
 *
 * <p>A model is a class implementing {@link BlockFactory}, a DJL {@link Block} class with a public
 * no-argument constructor (a new instance per policy and seed), or {@code Class#method}: a public
 * static method taking no parameters or {@code (Shape inputShape, int classes)} and returning a
 * {@code Block}. A dataset is a class implementing {@link DatasetFactory}, or {@code Class#method}: a
 * public static method taking no parameters or a {@link DataContext}, returning a {@link DatasetPair}
 * or a {@link DataSplit}.
 */
public final class ProjectCode {
    private ProjectCode() {
    }

    /**
     * The network factory {@code reference} names.
     *
     * @throws ReferenceException when the reference cannot serve as a model
     */
    public static BlockFactory blockFactory(ProjectClasses classes, String reference) {
        ClassReference ref = ClassReference.parse(reference);
        Class<?> type = classes.load(ref.className());
        if (ref.method() != null) {
            Method m = staticMethod(type, ref, "model", Block.class, List.of(List.of(), List.of(Shape.class, int.class)),
                    "no parameters or (Shape inputShape, int classes)", "a DJL Block (ai.djl.nn.Block)");
            boolean takesShape = m.getParameterCount() == 2;
            String what = type.getSimpleName() + "." + m.getName() + "()";
            return (shape, k) -> block(what, () -> (Block) (takesShape ? m.invoke(null, shape, k) : m.invoke(null)));
        }
        if (BlockFactory.class.isAssignableFrom(type)) {
            BlockFactory factory = (BlockFactory) instance(type, ref);
            String what = type.getSimpleName() + ".newBlock()";
            return (shape, k) -> block(what, () -> factory.newBlock(shape, k));
        }
        if (Block.class.isAssignableFrom(type)) {
            Constructor<?> c = constructor(type, ref);
            String what = "new " + type.getSimpleName() + "()";
            return (shape, k) -> block(what, () -> (Block) c.newInstance());
        }
        throw new ReferenceException("class " + type.getName() + " is not a model: it neither implements "
                + BlockFactory.class.getName() + " nor extends " + Block.class.getName()
                + "; implement BlockFactory, or name a public static method returning a Block ("
                + type.getName() + "#method)");
    }

    /**
     * The data factory {@code reference} names.
     *
     * @throws ReferenceException when the reference cannot serve as a dataset
     */
    public static DatasetFactory datasetFactory(ProjectClasses classes, String reference) {
        ClassReference ref = ClassReference.parse(reference);
        Class<?> type = classes.load(ref.className());
        if (ref.method() != null) {
            Method m = staticMethod(type, ref, "dataset", null, List.of(List.of(), List.of(DataContext.class)),
                    "no parameters or (DataContext context)", "a DatasetPair or a DataSplit");
            if (!DatasetPair.class.isAssignableFrom(m.getReturnType())
                    && !DataSplit.class.isAssignableFrom(m.getReturnType())) {
                throw new ReferenceException(type.getSimpleName() + "." + m.getName() + "() returns "
                        + m.getReturnType().getName() + "; a dataset method must return a " + DatasetPair.class.getName()
                        + " or a " + DataSplit.class.getName());
            }
            boolean takesContext = m.getParameterCount() == 1;
            String what = type.getSimpleName() + "." + m.getName() + "()";
            return context -> pair(what, () -> takesContext ? m.invoke(null, context) : m.invoke(null));
        }
        if (DatasetFactory.class.isAssignableFrom(type)) {
            DatasetFactory factory = (DatasetFactory) instance(type, ref);
            String what = type.getSimpleName() + ".create()";
            return context -> pair(what, () -> factory.create(context));
        }
        throw new ReferenceException("class " + type.getName() + " is not a dataset: it does not implement "
                + DatasetFactory.class.getName() + "; implement it, or name a public static method returning a"
                + " DatasetPair (" + type.getName() + "#method)");
    }

    private static Block block(String what, Callable<Block> call) {
        Block b = invoke(what, call);
        if (b == null) {
            throw new ReferenceException(what + " returned null instead of a Block");
        }
        return b;
    }

    private static DatasetPair pair(String what, Callable<Object> call) {
        Object v = invoke(what, call);
        if (v == null) {
            throw new ReferenceException(what + " returned null instead of the training and test sets");
        }
        return v instanceof DataSplit s ? DatasetPair.of(s) : (DatasetPair) v;
    }

    /** Runs the user's code; what it throws becomes one line naming it, the exception kept as the cause. */
    private static <T> T invoke(String what, Callable<T> call) {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw threw(what, e.getCause() == null ? e : e.getCause());
        } catch (ReferenceException e) {
            throw e;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            throw threw(what, e);
        }
    }

    private static ReferenceException threw(String what, Throwable e) {
        if (e instanceof ExceptionInInitializerError && e.getCause() != null) {
            e = e.getCause();
        }
        return new ReferenceException(what + " threw " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }

    private static Object instance(Class<?> type, ClassReference ref) {
        Constructor<?> c = constructor(type, ref);
        return invoke("new " + type.getSimpleName() + "()", c::newInstance);
    }

    private static Constructor<?> constructor(Class<?> type, ClassReference ref) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ReferenceException("class " + type.getName() + " is abstract; name a concrete class");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new ReferenceException("class " + type.getName() + " is not public; make it public");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new ReferenceException("class " + ref.className() + " is an inner class; make it static");
        }
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new ReferenceException("class " + type.getName() + " has no public constructor without parameters;"
                    + " add one, or name a public static method (" + type.getName() + "#method)");
        }
    }

    /**
     * The public static method {@code ref} names, with one of the parameter lists allowed.
     *
     * @param returns the return type it must have, or null to let the caller check it
     */
    private static Method staticMethod(Class<?> type, ClassReference ref, String field, Class<?> returns,
            List<List<Class<?>>> parameters, String parameterWords, String returnWords) {
        List<Method> named = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(ref.method())).toList();
        if (named.isEmpty()) {
            boolean declared = Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(ref.method()));
            List<String> statics = Arrays.stream(type.getMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
                    .filter(m -> m.getDeclaringClass() == type).map(Method::getName).distinct().sorted().toList();
            throw new ReferenceException(declared ? type.getSimpleName() + "." + ref.method() + " is not public"
                    : "no public method " + ref.method() + " in " + type.getName() + "; its public static methods: "
                            + (statics.isEmpty() ? "none" : String.join(", ", statics)));
        }
        for (Method m : named) {
            if (parameters.contains(Arrays.asList(m.getParameterTypes())) && Modifier.isStatic(m.getModifiers())) {
                if (returns != null && !returns.isAssignableFrom(m.getReturnType())) {
                    throw new ReferenceException(type.getSimpleName() + "." + m.getName() + "() returns "
                            + m.getReturnType().getName() + "; a " + field + " method must return " + returnWords);
                }
                return m;
            }
        }
        Method m = named.get(0);
        if (!Modifier.isStatic(m.getModifiers())) {
            throw new ReferenceException(type.getSimpleName() + "." + m.getName() + " is not static; a " + field
                    + " method must be static");
        }
        throw new ReferenceException(type.getSimpleName() + "." + m.getName() + " takes ("
                + String.join(", ", Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList())
                + "); a " + field + " method takes " + parameterWords);
    }
}
