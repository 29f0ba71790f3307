package io.edgeoff.common.mobility;

import java.util.Arrays;
import java.util.Locale;

/** What happens to an offload in flight when its device changes cell; one rule per scenario. */
public enum HandoverRule {
    /** The offload completes over the old cell's path, at the cost it started with. */
    FINISH_OLD_PATH,
    /**
     * The offload fails at the handover (the device spent the time and energy up to it) and the placement loop
     * decides the task again, as after any failed attempt, with the new cell's links.
     */
    FAIL_AND_REDECIDE;

    /** @return the name in scenario files, e.g. {@code finish-old-path} */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the known rules */
    public static HandoverRule parse(String text) {
        for (HandoverRule rule : values()) {
            if (rule.yamlName().equals(text)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown handover rule '" + text + "'; known: "
                + Arrays.stream(values()).map(HandoverRule::yamlName).toList());
    }
}
