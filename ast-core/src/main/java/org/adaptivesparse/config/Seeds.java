package org.adaptivesparse.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeds an experiment runs every policy on: a count {@code n} (seeds {@code seed} to
 * {@code seed + n - 1}) or an explicit list.
 *
 * @param count how many seeds from {@code seed} on, when {@code list} is empty
 * @param list  the seeds themselves, or empty
 */
public record Seeds(int count, List<Long> list) {
    /** One seed: the experiment's {@code seed}. */
    public static final Seeds ONE = new Seeds(1, List.of());

    public Seeds {
        list = List.copyOf(list);
    }

    /** Reads {@code 5} (a count) or {@code 42,43,47} (a list). */
    static Seeds parse(String text) {
        String v = text.trim();
        if (!v.contains(",")) {
            try {
                return new Seeds(Integer.parseInt(v.replace("_", "")), List.of());
            } catch (NumberFormatException e) {
                throw new ConfigException("seeds", "seeds '" + text + "' is not a count or a list; write e.g. 5 (seeds"
                        + " seed to seed+4) or 42,43,47");
            }
        }
        List<Long> out = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                out.add(Long.parseLong(part.trim().replace("_", "")));
            } catch (NumberFormatException e) {
                throw new ConfigException("seeds", "seeds '" + text + "': '" + part.trim() + "' is not a whole number");
            }
        }
        return new Seeds(out.size(), out);
    }

    /** Checks the count and that no seed is listed twice. */
    static Seeds check(Seeds s) {
        if (s.count() < 1) {
            throw new ConfigException("seeds", "seeds " + s.count() + " is out of range; allowed: 1 or more");
        }
        if (s.list().stream().distinct().count() != s.list().size()) {
            throw new ConfigException("seeds", "seeds " + s + " lists a seed twice");
        }
        return s;
    }

    /** The seeds in run order, counting from {@code seed} when given as a count. */
    public List<Long> resolve(long seed) {
        if (!list.isEmpty()) {
            return list;
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(seed + i);
        }
        return out;
    }

    @Override
    public String toString() {
        return list.isEmpty() ? String.valueOf(count) : String.join(",", list.stream().map(String::valueOf).toList());
    }
}
