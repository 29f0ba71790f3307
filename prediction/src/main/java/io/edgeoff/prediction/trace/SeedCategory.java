package io.edgeoff.prediction.trace;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The seed's mapping of raw LANL system ids to offloading-site categories (ORIGINAL.md section 5):
 * EC = systems 2, 16, 23; ED = 6, 7, 18, 19, 20, 21; ER = 3, 4, 5, 8-14, 22, 24; CD = 15; system 17 is
 * not used by the seed.
 */
public enum SeedCategory {
    /** Edge computational server. */
    EC(Set.of(2, 16, 23)),
    /** Edge database server. */
    ED(Set.of(6, 7, 18, 19, 20, 21)),
    /** Edge regular server. */
    ER(Set.of(3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 22, 24)),
    /** Cloud data center. */
    CD(Set.of(15));

    private final Set<Integer> systems;

    SeedCategory(Set<Integer> systems) {
        this.systems = systems;
    }

    /** Raw LANL system ids of this category. */
    public Set<Integer> systems() {
        return systems;
    }

    /** The category of a raw LANL system id, empty for system 17 and unknown systems. */
    public static Optional<SeedCategory> ofSystem(int system) {
        for (SeedCategory c : values()) {
            if (c.systems.contains(system)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The 16 distinct node candidates of the seed's five experiment configurations (ORIGINAL.md section 5),
     * in raw LANL ids, in the order EC, ED, ER (configurations 1-5), then CD.
     */
    public static List<NodeId> seedCandidates() {
        return List.of(
                new NodeId(16, 1), new NodeId(16, 11), new NodeId(16, 4), new NodeId(16, 8), new NodeId(2, 41),
                new NodeId(7, 0), new NodeId(20, 158), new NodeId(20, 165), new NodeId(20, 243), new NodeId(20, 48),
                new NodeId(22, 0), new NodeId(13, 80), new NodeId(8, 55), new NodeId(8, 1), new NodeId(8, 3),
                new NodeId(15, 0));
    }
}
