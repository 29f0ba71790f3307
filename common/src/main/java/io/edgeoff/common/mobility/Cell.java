package io.edgeoff.common.mobility;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An edge cell (e.g. a Wi-Fi hotspot): while a device is in it, its links to the sites the cell names are the
 * cell's; its links to the other sites are the device's own (or the scenario's).
 *
 * @param id     cell id, not blank
 * @param links  the cell's links, at most one per site
 */
public record Cell(String id, List<AccessLink> links) {
    public Cell {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("cell id must not be blank, but was '" + id + "'");
        }
        links = List.copyOf(links);
        requireOnePerSite(links, "cell " + id);
    }

    /** @return the cell's link to {@code siteId}, if it has one */
    public Optional<AccessLink> link(String siteId) {
        return links.stream().filter(l -> l.siteId().equals(siteId)).findFirst();
    }

    static void requireOnePerSite(List<AccessLink> links, String owner) {
        Set<String> seen = new HashSet<>();
        for (AccessLink link : links) {
            if (!seen.add(link.siteId())) {
                throw new IllegalArgumentException(owner + " has more than one link to site " + link.siteId());
            }
        }
    }
}
