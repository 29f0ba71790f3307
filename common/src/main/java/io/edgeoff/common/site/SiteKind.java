package io.edgeoff.common.site;

/** Where a site sits in the edge-cloud continuum. Exactly one site of a scenario is the {@link #DEVICE}. */
public enum SiteKind {
    /** The mobile device that owns the applications; it never fails in the model. */
    DEVICE,
    /** A single-hop edge server (a Raspberry Pi in the seed's test-bed). */
    EDGE,
    /** A cloud data centre behind a WAN link. */
    CLOUD
}
