package io.edgeoff.testbed.probe;

import io.edgeoff.testbed.net.SiteEndpoint;
import java.util.List;
import java.util.Locale;

/** The Markdown table of asked versus measured latency and bandwidth per emulated link. */
public final class MeasurementTable {
    private MeasurementTable() {
    }

    public static String format(List<SiteEndpoint> sites, String deviceId, List<LinkMeasurement> measured) {
        StringBuilder out = new StringBuilder();
        out.append("| link | asked RTT ms | measured RTT ms | asked KB/s | measured up KB/s | measured down KB/s |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (SiteEndpoint site : sites) {
            LinkMeasurement m = measured.stream().filter(x -> x.siteId().equals(site.siteId())).findFirst()
                    .orElse(null);
            String link = deviceId + "-" + site.siteId() + (site.viaWan() ? " (via WAN hop)" : "");
            if (m == null) {
                out.append(String.format(Locale.ROOT, "| %s | %.1f | - | %.1f | - | - |%n", link,
                        site.roundTripMillis(), site.bandwidthKBps()));
            } else {
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", link,
                        site.roundTripMillis(), m.roundTripMillis(), site.bandwidthKBps(), m.uplinkKBps(),
                        m.downlinkKBps()));
            }
        }
        return out.toString();
    }
}
