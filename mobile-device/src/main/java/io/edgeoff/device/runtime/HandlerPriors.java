package io.edgeoff.device.runtime;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.device.handlers.HandlerProfile;
import io.edgeoff.device.workload.HandlerTask;
import io.edgeoff.device.workload.TaskBinding;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The prior of the device's {@link HandlerProfile}, from the scenario (the parameter database's task kinds): a
 * handler's time on a site is, before any measurement, the mean work of the tasks bound to it (the mean of each task
 * kind's MI range) over the site's MIPS, flat in the input size, counting as {@value #WEIGHT} executions.
 */
final class HandlerPriors {
    /** How many executions the prior counts as. */
    static final double WEIGHT = 2;

    private HandlerPriors() {
    }

    static BiFunction<String, String, HandlerProfile.Prior> of(Scenario scenario, CostModel costModel,
                                                               TaskBinding binding) {
        Map<String, double[]> work = new HashMap<>(); // handler -> {sum of MI, tasks}
        for (Application app : scenario.applications()) {
            for (int i = 0; i < app.size(); i++) {
                java.util.Optional<HandlerTask> task = binding.of(app, i);
                if (task.isPresent()) {
                    double[] w = work.computeIfAbsent(task.get().handler(), k -> new double[2]);
                    w[0] += app.tasks().get(i).kind().millionInstructions().mean();
                    w[1]++;
                }
            }
        }
        return (handler, siteId) -> {
            double[] w = work.get(handler);
            double mi = w == null ? 0 : w[0] / w[1];
            double mips = costModel.sites().get(costModel.network().indexOf(siteId)).mips();
            return new HandlerProfile.Prior(mi / mips, 0);
        };
    }
}
