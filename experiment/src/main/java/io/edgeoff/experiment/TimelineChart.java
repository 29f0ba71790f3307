package io.edgeoff.experiment;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One site's timeline as a PNG, drawn with XChart: time since the run's start on x, one numbered row per policy on y
 * (the legend names them: "1 mdp", ...; XChart 3.8 draws no y ticks with a custom label formatter); the
 * site's outages shaded over every row, each policy's offloading attempts there as dots in its row and its failed
 * attempts as red crosses. The report and the live status page draw the same chart.
 */
final class TimelineChart {
    private static final Color OUTAGE = new Color(240, 160, 160, 120);
    /** One colour per policy row, the same on every site's chart. */
    private static final Color[] POLICY_COLOURS = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(44, 160, 44), new Color(148, 103, 189), new Color(140, 86, 75), new Color(23, 190, 207),
        new Color(188, 189, 34), new Color(127, 127, 127)};

    private TimelineChart() {
    }

    static XYChart chart(Timeline.Snapshot timeline, String site, List<String> policies) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(140 + 36 * policies.size())
                .title("Site " + site + ": outages (shaded), attempts (dots), failed attempts (red x)")
                .xAxisTitle("seconds since the run started").yAxisTitle("policy (row)").build();
        org.knowm.xchart.style.XYStyler styler = chart.getStyler();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.5);
        chart.getStyler().setYAxisMax(policies.size() + 0.5);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(Math.max(1.0, timeline.nowSeconds()));
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setYAxisTickMarkSpacingHint(20);
        styler.setYAxisDecimalPattern("0");
        styler.setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        int n = 0;
        double top = policies.size() + 0.5;
        for (Timeline.OutageSpan o : timeline.outages()) {
            if (!o.site().equals(site) || o.endSeconds() < 0) {
                continue;
            }
            double start = Math.max(0, o.startSeconds());
            double end = Math.min(o.endSeconds(), Math.max(1.0, timeline.nowSeconds()));
            if (end <= start) {
                continue;
            }
            XYSeries s = chart.addSeries(n == 0 ? "outage" : "outage " + n, new double[] {start, start, end, end},
                    new double[] {0.5, top, top, 0.5});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setFillColor(OUTAGE);
            s.setLineColor(OUTAGE);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(n == 0);
            n++;
        }
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Timeline.AttemptMark a : timeline.attempts()) {
                if (a.site().equals(site) && a.policy().equals(policies.get(p))) {
                    (a.failed() ? fx : x).add(Math.max(0, a.atSeconds()));
                    (a.failed() ? fy : y).add(p + 1.0);
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries((p + 1) + " " + policies.get(p), x, y);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(POLICY_COLOURS[p % POLICY_COLOURS.length]);
            }
        }
        if (!fx.isEmpty()) {
            XYSeries s = chart.addSeries("failed attempt", fx, fy);
            s.setMarker(SeriesMarkers.CROSS);
            s.setMarkerColor(Color.RED);
        }
        if (chart.getSeriesMap().isEmpty()) {
            XYSeries s = chart.addSeries("no attempt yet", new double[] {0}, new double[] {0});
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    static byte[] png(Timeline.Snapshot timeline, String site, List<String> policies) {
        XYChart chart = chart(timeline, site, policies);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the timeline of " + site + ": " + e.getMessage(), e);
        }
    }
}
