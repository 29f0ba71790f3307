package io.edgeoff.benchmarks;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.DagEdge;
import io.edgeoff.common.app.Range;
import io.edgeoff.common.app.TaskKind;
import io.edgeoff.common.app.TaskSpec;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.DevicePower;
import io.edgeoff.common.network.LatencySpec;
import io.edgeoff.common.network.Link;
import io.edgeoff.common.network.Network;
import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic topology for scaling benchmarks: one device, {@code sites - 1} edge and cloud
 * sites fully linked, and a layered DAG of {@code tasks} tasks (layers of up to 3 tasks, each task
 * fed by 1-2 tasks of the previous layer, 80 % offloadable).
 */
public record GeneratedTopology(CostModel costModel, AppInstance app) {

    public static GeneratedTopology of(int siteCount, int taskCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Site> sites = new ArrayList<>();
        sites.add(new Site("MD", SiteKind.DEVICE, 1000, 8, 8, 16));
        for (int i = 1; i < siteCount; i++) {
            SiteKind kind = i % 5 == 0 ? SiteKind.CLOUD : SiteKind.EDGE;
            sites.add(new Site("S" + i, kind, 2000 + random.nextInt(10_000), 4, 8, 100));
        }
        List<Link> links = new ArrayList<>();
        for (int a = 0; a < siteCount; a++) {
            for (int b = a + 1; b < siteCount; b++) {
                links.add(new Link(sites.get(a).id(), sites.get(b).id(),
                        LatencySpec.fixed(5 + random.nextInt(200)), 500 + random.nextInt(100_000)));
            }
        }
        CostModel costModel = new CostModel(sites, Network.ofMeans(sites, links), DevicePower.seed(), 1.5);
        TaskKind kind = new TaskKind("GEN", new Range(100, 650), new Range(4, 120), new Range(4, 80));
        List<TaskSpec> tasks = new ArrayList<>();
        List<DagEdge> edges = new ArrayList<>();
        List<List<String>> layers = new ArrayList<>();
        int created = 0;
        while (created < taskCount) {
            int width = Math.min(1 + random.nextInt(3), taskCount - created);
            List<String> layer = new ArrayList<>();
            for (int w = 0; w < width; w++, created++) {
                String name = "T" + created;
                boolean offloadable = created > 0 && created < taskCount - 1 && random.nextDouble() < 0.8;
                tasks.add(new TaskSpec(name, kind, 1, offloadable));
                layer.add(name);
                if (!layers.isEmpty()) {
                    List<String> previous = layers.get(layers.size() - 1);
                    String p1 = previous.get(random.nextInt(previous.size()));
                    edges.add(new DagEdge(p1, name));
                    String p2 = previous.get(random.nextInt(previous.size()));
                    if (!p2.equals(p1) && random.nextBoolean()) {
                        edges.add(new DagEdge(p2, name));
                    }
                }
            }
            layers.add(layer);
        }
        Application application = new Application("GENERATED", tasks, edges);
        return new GeneratedTopology(costModel, AppInstance.draw(application, random));
    }
}
