package io.edgeoff.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A finished live run: what it produced, the parameters it ran with (as written into the reports) and the
 * report files.
 *
 * @param outcome    summaries, executions and detector data
 * @param parameters the run's parameters, in report order
 * @param reports    the files written: report.html, results.json, summary.csv, executions.csv, failures.csv,
 *                   timeline.csv, handlers.csv (and devices.csv, cells.csv of a fleet scenario)
 */
public record LiveResult(LiveComparison.Outcome outcome, Map<String, Object> parameters, List<Path> reports) {
    public LiveResult {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        reports = List.copyOf(reports);
    }

    /** The comparison table, the paired differences and the detector's paragraph, as printed after a run. */
    public String text() {
        return LiveReports.table(outcome) + (outcome.fleet() == null ? "" : LiveFleetReport.table(outcome))
                + LiveReports.pairedText(outcome.summaries(), outcome.results())
                + LiveReports.detectionText(outcome.detection()) + System.lineSeparator()
                + HandlerCosts.text(HandlerCosts.rows(outcome.results()));
    }
}
