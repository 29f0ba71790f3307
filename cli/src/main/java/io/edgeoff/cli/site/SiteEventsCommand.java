package io.edgeoff.cli.site;

import io.edgeoff.site.failure.FailureFile;
import io.edgeoff.site.failure.FailureHistory;
import io.edgeoff.site.failure.FailureRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff site events}: reads a site's failure file (also while the site runs; nothing is changed). */
@Command(name = "events", sortOptions = false,
        description = {"Print the records of a site's failure file, or (--outages) its down intervals in the",
            "prediction module's generic trace format (system,node,start,end). Never changes the file."})
public final class SiteEventsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "The site's data directory.")
    Path dataDir;

    @Option(names = "--limit", description = "Print only the newest N records (default: all).")
    Integer limit;

    @Option(names = "--outages", description = "Print down intervals as a generic trace instead of the records.")
    boolean outages;

    @Option(names = "--node", paramLabel = "S/N", defaultValue = "0/0",
            description = "Node id written in --outages output (default: ${DEFAULT-VALUE}).")
    String node;

    @Override
    public void run() {
        FailureFile.Snapshot snapshot = FailureFile.read(dataDir);
        PrintWriter out = spec.commandLine().getOut();
        if (outages) {
            var id = io.edgeoff.prediction.trace.NodeId.parse(node);
            out.print(FailureHistory.of(snapshot.records(), io.edgeoff.site.failure.SidecarMonitor.readRecords(dataDir),
                    Instant.now()).toGenericTraceCsv(id.system(), id.node()));
        } else {
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("--limit must be >= 1, but was " + limit);
            }
            List<FailureRecord> records = snapshot.records();
            int from = limit == null ? 0 : Math.max(0, records.size() - limit);
            for (FailureRecord r : records.subList(from, records.size())) {
                out.printf("%d %s %s %s%n", r.sequence(), r.time(), r.type(), r.detail());
            }
            out.println("# " + snapshot.report());
        }
        out.flush();
    }
}
