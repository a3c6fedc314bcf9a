package org.adaptivesparse.config;

/** Parses ratios the way users write them: {@code 0.80} or {@code 80%}. */
public final class Ratios {
    private Ratios() {
    }

    /**
     * Parses {@code value} as a ratio: a plain number ({@code 0.85}) or a percentage ({@code 85%}).
     *
     * @throws ConfigException naming {@code field} when the text is not a number
     */
    public static double parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(field, field + " is empty; give a ratio such as 0.85 or 85%");
        }
        String v = value.trim();
        boolean percent = v.endsWith("%");
        if (percent) {
            v = v.substring(0, v.length() - 1).trim();
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return percent ? d / 100.0 : d;
        } catch (NumberFormatException e) {
            throw new ConfigException(field, field + " '" + value + "' is not a number; give a ratio such as 0.85 or 85%");
        }
    }
}
