package io.edgeoff.deploy;

import java.util.List;

/** The seed scenario's remote sites, in the lower case the manifests use for names and paths. */
final class SiteIds {

    static final List<String> ALL = List.of("ed", "ec", "er", "cd");
    static final List<String> EDGE = List.of("ed", "ec", "er");

    private SiteIds() {
    }
}
