package io.edgeoff.simulator.run;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.ExperimentConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.common.site.Site;
import io.edgeoff.simulator.availability.AvailabilitySource;
import io.edgeoff.simulator.failure.SiteTrace;
import java.util.List;

/**
 * What is fixed for one configuration: the cost model over the network resolved with this configuration's
 * cloud latencies (drawn once, stream {@code network}), and each remote site's trace with the predictor's
 * forecast. Immutable; shared by the threads simulating its samplings.
 *
 * @param configuration the configuration
 * @param costModel     cost model of the configuration
 * @param traces        per site index, its trace, or null for the device and untraced sites
 */
public record ConfigurationSetup(ExperimentConfig configuration, CostModel costModel, SiteTrace[] traces) {

    public static ConfigurationSetup create(Scenario scenario, int configurationId, long seed,
                                            AvailabilitySource availability, String predictor,
                                            String downPredictor) {
        ExperimentConfig configuration = scenario.configuration(configurationId);
        CostModel costModel = scenario.costModel(scenario.network(Seeds.stream(seed, "network", configurationId)));
        List<Site> sites = scenario.sites();
        SiteTrace[] traces = new SiteTrace[sites.size()];
        for (int s = 0; s < sites.size(); s++) {
            TraceNode node = configuration.nodes().get(sites.get(s).id());
            if (node != null && sites.get(s).isRemote()) {
                traces[s] = new SiteTrace(availability.history(node), availability.forecast(node, predictor),
                        availability.forecast(node, downPredictor));
            }
        }
        return new ConfigurationSetup(configuration, costModel, traces);
    }

    @Override
    public SiteTrace[] traces() {
        return traces.clone();
    }
}
