package io.edgeoff.prediction.evaluation;

import java.util.Arrays;
import java.util.List;

/** How a series is split into training and test slots. */
public enum Protocol {
    /**
     * The seed's split: 80 % of slots drawn at random (seeded) for training, the rest for test. Test slots
     * lie between training slots, so the model sees the future: reported for comparison only.
     */
    RANDOM("random"),
    /** First 80 % of slots train, the last 20 % are forecast in one go from the end of training: honest default. */
    CHRONOLOGICAL("chronological"),
    /**
     * Rolling origin over the last 20 %: each test slot is forecast one step ahead from all slots before it;
     * the model is retrained every {@code refitEvery} slots.
     */
    WALK_FORWARD("walk-forward");

    private final String cliName;

    Protocol(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /**
     * @throws IllegalArgumentException naming the known protocols
     */
    public static Protocol parse(String name) {
        for (Protocol p : values()) {
            if (p.cliName.equalsIgnoreCase(name) || p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "': known protocols are "
                + Arrays.stream(values()).map(Protocol::cliName).toList());
    }

    public static List<String> cliNames() {
        return Arrays.stream(values()).map(Protocol::cliName).toList();
    }
}
