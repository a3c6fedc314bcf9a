package org.adaptivesparse.project;

import java.util.regex.Pattern;

/**
 * A class of the project as the configuration names it: {@code com.example.fashion.FashionNet}, or a
 * static method of one, {@code com.example.fashion.Nets#small}.
 *
 * @param className the binary name of the class ({@code com.example.Outer$Inner} for a nested one)
 * @param method    the method's name, or null when the class itself is meant
 */
public record ClassReference(String className, String method) {
    private static final Pattern IDENTIFIER = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    /**
     * Whether a {@code model} or {@code dataset} value names a class rather than a built-in name:
     * built-in names hold neither a dot nor a {@code #}.
     */
    public static boolean isReference(String value) {
        return value != null && (value.contains(".") || value.contains("#"));
    }

    /**
     * Reads {@code com.example.Net} or {@code com.example.Nets#small}.
     *
     * @throws ReferenceException when the text is not a class name or {@code Class#method}
     */
    public static ClassReference parse(String text) {
        String t = text == null ? "" : text.trim();
        int hash = t.indexOf('#');
        String type = hash < 0 ? t : t.substring(0, hash);
        String method = hash < 0 ? null : t.substring(hash + 1);
        if (!validName(type) || (method != null && !IDENTIFIER.matcher(method).matches())) {
            throw new ReferenceException("'" + t + "' is not a class name (com.example.Net) or a static method"
                    + " (com.example.Nets#small)");
        }
        return new ClassReference(type, method);
    }

    private static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("[.$]", -1)) {
            if (!IDENTIFIER.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The class's simple name, for short messages. */
    public String simpleName() {
        int dot = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(dot + 1);
    }

    @Override
    public String toString() {
        return method == null ? className : className + "#" + method;
    }
}
