package org.adaptivesparse.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One limit of the {@code limits} option as written, its syntax checked; which figures exist is the
 * verdict package's to say ({@code Limits}), so the figure is still a name here.
 *
 * <pre>
 * limits    := limit (';' limit)*
 * limit     := subject ('&gt;=' | '&lt;=') number ['%' | 'x']
 * subject   := [policy '.'] figure ['.' aggregate]
 * aggregate := median | min | max        (over seeds; median when omitted)
 * </pre>
 *
 * @param text      the limit as written, trimmed
 * @param subject   what is limited, as written before the operator ({@code random.accuracy.min})
 * @param policy    the policy written before the figure, or null ({@code ast} then)
 * @param figure    the figure's name, e.g. {@code accuracy} or {@code timeToTargetVsRandom}
 * @param aggregate {@code median}, {@code min} or {@code max}
 * @param atLeast   true for {@code >=}, false for {@code <=}
 * @param value     the bound ({@code 70%} is 0.70, {@code 0.9x} is 0.9)
 */
public record LimitText(String text, String subject, Policy policy, String figure, String aggregate, boolean atLeast,
        double value) {
    /** The seed aggregates a limit may name. */
    public static final List<String> AGGREGATES = List.of("median", "min", "max");

    private static final Pattern LIMIT = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9.-]*)\\s*(>=|<=)\\s*(\\S+)\\s*");

    /**
     * Parses the {@code limits} option: limits separated by {@code ;} (or new lines), blank for none.
     *
     * @throws ConfigException naming the limit at fault and how to write one
     */
    public static List<LimitText> parse(String limits) {
        List<LimitText> out = new ArrayList<>();
        if (limits == null) {
            return out;
        }
        int n = 0;
        for (String part : limits.split("[;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            n++;
            out.add(one(part.trim(), n));
        }
        return out;
    }

    private static LimitText one(String text, int n) {
        String where = "limits: limit " + n + " '" + text + "'";
        Matcher m = LIMIT.matcher(text);
        if (!m.matches()) {
            throw new ConfigException("limits", where + " is not a limit; write figure >= number or figure <= number,"
                    + " e.g. accuracy.min >= 0.70 or timeToTargetVsRandom <= 0.9");
        }
        List<String> parts = new ArrayList<>(List.of(m.group(1).split("\\.", -1)));
        Policy policy = null;
        if (parts.size() > 1 && isPolicy(parts.get(0))) {
            policy = Policy.parse("limits", parts.remove(0));
        }
        String aggregate = "median";
        if (parts.size() > 1) {
            String last = parts.remove(parts.size() - 1);
            if (!AGGREGATES.contains(last)) {
                throw new ConfigException("limits", where + ": '" + last + "' is not an aggregate over seeds;"
                        + Suggestions.didYouMean(last, AGGREGATES).replace("?", "") + " (allowed: "
                        + String.join(", ", AGGREGATES) + ")");
            }
            aggregate = last;
        }
        if (parts.size() != 1 || parts.get(0).isEmpty()) {
            throw new ConfigException("limits", where + ": '" + m.group(1) + "' is not [policy.]figure[.aggregate],"
                    + " e.g. random.accuracy.min");
        }
        return new LimitText(text, m.group(1), policy, parts.get(0), aggregate, m.group(2).equals(">="),
                number(where, m.group(3)));
    }

    private static boolean isPolicy(String s) {
        for (Policy p : Policy.values()) {
            if (p.id().equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    private static double number(String where, String v) {
        String s = v.toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("%")) {
                return Double.parseDouble(s.substring(0, s.length() - 1)) / 100;
            }
            return Double.parseDouble(s.endsWith("x") ? s.substring(0, s.length() - 1) : s);
        } catch (NumberFormatException e) {
            throw new ConfigException("limits", where + ": '" + v + "' is not a number; write e.g. 0.85, 85% or 1.5x");
        }
    }
}
