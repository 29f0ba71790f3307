package io.edgeoff.cli.simulator;

import java.util.ArrayList;
import java.util.List;

/** Parses lists of configuration ids such as {@code 1-5}, {@code 1,3} or {@code 2-3,5}. */
final class Ranges {
    private Ranges() {
    }

    static List<Integer> parse(String option, String text) {
        List<Integer> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                int dash = p.indexOf('-', 1);
                if (dash < 0) {
                    ids.add(Integer.parseInt(p));
                } else {
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    if (to < from) {
                        throw new IllegalArgumentException(option + ": range " + p + " ends before it starts");
                    }
                    for (int i = from; i <= to; i++) {
                        ids.add(i);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": expected ids like 1-5 or 1,3, but was '" + text + "'");
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(option + ": no configuration given");
        }
        return ids;
    }
}
