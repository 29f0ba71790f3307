package io.edgeoff.decision.external;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.DevicePower;
import io.edgeoff.common.cost.SiteInputs;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.common.site.Site;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.SiteOutlook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The wire format of external policies, version 1 ({@code docs/POLICY-PLUGINS.md}; JSON Schema:
 * {@code docs/policy-plugin-schema.json}): one {@link Request} per decision, one {@link Answer} back. Numbers that
 * may be infinite (an MTBF of a site that never failed, an unlimited bandwidth) are {@code null} on the wire, so the
 * JSON is strict. Immutable records, round-tripped by Jackson.
 */
public final class ExternalWire {
    /** Schema id of a request; a policy should refuse (HTTP 400) a major version it does not know. */
    public static final String REQUEST_SCHEMA = "edgeoff/decision-request/v1";
    /** Schema id of an answer (optional in the answer; when present it must be this). */
    public static final String ANSWER_SCHEMA = "edgeoff/decision-answer/v1";

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ExternalWire() {
    }

    /**
     * One decision request.
     *
     * @param schema          {@value #REQUEST_SCHEMA}
     * @param policy          the registry name edgeoff calls the policy by ({@code external:URL})
     * @param app             the application execution: every task with its demands, predecessors and placement
     * @param taskIndex       the task to place (index into {@code app.tasks})
     * @param remainingTasks  indices of the tasks not yet finished, this one included, in index order
     * @param previousSite    id of the site the task's input comes from
     * @param sites           every site in the scenario's order (index 0.. n-1), the device included
     * @param device          the device: its site, power draw, and the weights of time and energy of the run
     */
    public record Request(String schema, String policy, App app, int taskIndex, List<Integer> remainingTasks,
                          String previousSite, List<SiteState> sites, Device device) {
        public Request {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(app, "app");
            remainingTasks = List.copyOf(remainingTasks);
            sites = List.copyOf(sites);
            Objects.requireNonNull(device, "device");
        }
    }

    /** @param name application name; @param tasks every task in index order */
    public record App(String name, List<Task> tasks) {
        public App {
            tasks = List.copyOf(tasks);
        }
    }

    /**
     * One task of the execution.
     *
     * @param placedAt  id of the site where the task ran, {@code null} while it has not finished
     */
    public record Task(int index, String name, double millionInstructions, double inKB, double outKB,
                       double memoryGb, boolean offloadable, boolean sink, List<Integer> predecessors,
                       String placedAt) {
        public Task {
            predecessors = List.copyOf(predecessors);
        }
    }

    /**
     * One site as the policy sees it.
     *
     * @param excluded  the site must not be chosen for this task (a failed attempt, a suspicion)
     * @param outlook   the prediction's and the failure detector's view of the site
     * @param link      the device-site link and queue the cost model plans with; {@code null} for the device
     * @param cost      the cost model's expected time and device energy of this task here, coming from
     *                  {@code previousSite}, without failures
     */
    public record SiteState(int index, String id, String kind, double mips, int cores, double memoryGb,
                            boolean excluded, Outlook outlook, Link link, Cost cost) {
    }

    /** {@link SiteOutlook} on the wire; {@code mtbfHours} {@code null} = infinite (never failed twice). */
    public record Outlook(double predictedAvailability, double downProbability, double failureRatePerSecond,
                          Double mtbfHours, double hoursSinceLastFailure, boolean suspected) {
    }

    /** {@link SiteInputs} on the wire; {@code bandwidthKBps} {@code null} = unlimited; sources MEASURED or PRIOR. */
    public record Link(double latencyMillis, String latencySource, Double bandwidthKBps, String bandwidthSource,
                       double queueDelayMillis, String queueSource) {
    }

    /** Expected cost of the task at a site: time in s (uplink + execution + downlink), device energy in J. */
    public record Cost(double timeSeconds, double energyJoules) {
    }

    /**
     * The device's state: its site, power draw in W, the run's weights of time and energy, and the time the device
     * takes to notice a failed attempt, s (what a failed offload costs before the task is tried elsewhere).
     */
    public record Device(int siteIndex, String siteId, double uplinkWatts, double downlinkWatts,
                         double localExecutionWatts, double idleWatts, double timeWeight, double energyWeight,
                         double failureDetectionSeconds) {
    }

    /**
     * A policy's answer: the chosen site by {@code site} (id) or {@code siteIndex}; when both are given they must
     * name the same site. The expectations are optional (reports show them; NaN when absent).
     */
    public record Answer(String schema, String site, Integer siteIndex, Double expectedTimeSeconds,
                         Double expectedEnergyJoules) {
    }

    /** The wire request of {@code request}, planned with {@code base} and the request's measured inputs. */
    public static Request request(String policyName, DecisionRequest request, CostModel base, CostWeights weights) {
        CostModel planning = request.costModel(base);
        AppInstance app = request.app();
        int[][] predecessors = app.application().predecessors();
        List<Task> tasks = new ArrayList<>(app.size());
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < app.size(); i++) {
            TaskInstance t = app.task(i);
            int at = request.placement()[i];
            if (at < 0) {
                remaining.add(i);
            }
            tasks.add(new Task(i, t.name(), t.millionInstructions(), t.inKB(), t.outKB(), t.memoryGb(),
                    t.offloadable(), t.sink(), Arrays.stream(predecessors[i]).boxed().toList(),
                    at < 0 ? null : base.sites().get(at).id()));
        }
        TaskInstance task = app.task(request.taskIndex());
        List<SiteState> sites = new ArrayList<>(base.siteCount());
        for (int s = 0; s < base.siteCount(); s++) {
            int index = s;
            Site site = base.sites().get(s);
            SiteOutlook o = request.outlook().get(s);
            Link link = null;
            if (site.isRemote()) {
                SiteInputs in = request.inputs().site(site.id()).orElseGet(() -> SiteInputs.priorOf(base, index));
                link = new Link(in.latencyMillis(), in.latencySource().name(), finiteOrNull(in.bandwidthKBps()),
                        in.bandwidthSource().name(), in.queueDelayMillis(), in.queueSource().name());
            }
            TaskCost cost = planning.cost(task, request.previousSite(), s);
            sites.add(new SiteState(s, site.id(), site.kind().name(), site.mips(), site.cores(), site.memoryGb(),
                    request.excluded()[s], new Outlook(o.predictedAvailability(), o.downProbability(),
                    o.failureRatePerSecond(), finiteOrNull(o.mtbfHours()), o.hoursSinceLastFailure(), o.suspected()),
                    link, new Cost(cost.timeSeconds(), cost.energyJoules())));
        }
        int device = base.deviceIndex();
        DevicePower power = base.power();
        return new Request(REQUEST_SCHEMA, policyName, new App(app.application().name(), tasks),
                request.taskIndex(), remaining, base.sites().get(request.previousSite()).id(), sites,
                new Device(device, base.sites().get(device).id(), power.uplinkWatts(), power.downlinkWatts(),
                        power.localExecutionWatts(), power.idleWatts(), weights.time(), weights.energy(),
                        base.failureDetectionSeconds()));
    }

    /** @return the request as UTF-8 JSON */
    public static byte[] write(Request request) {
        try {
            return MAPPER.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a request (tests, and policies written in Java). */
    public static Request readRequest(byte[] json) throws IOException {
        return MAPPER.readValue(json, Request.class);
    }

    /**
     * Parses an answer body.
     *
     * @throws NonsenseException when it is not a JSON object of the answer's shape
     */
    public static Answer readAnswer(byte[] body) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new NonsenseException("answer is not JSON: " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new NonsenseException("answer must be a JSON object, but was " + abbreviate(new String(body,
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        try {
            return MAPPER.treeToValue(tree, Answer.class);
        } catch (IOException e) {
            throw new NonsenseException("answer does not match " + ANSWER_SCHEMA + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * The site index {@code answer} chooses for {@code request}, checked against it: a site of the scenario, not
     * excluded, the device for a task that is not offloadable.
     *
     * @throws NonsenseException naming what is wrong
     */
    public static int siteIndex(Answer answer, DecisionRequest request, CostModel base) {
        if (answer.schema() != null && !answer.schema().equals(ANSWER_SCHEMA)) {
            throw new NonsenseException("answer schema must be " + ANSWER_SCHEMA + ", but was '" + answer.schema() + "'");
        }
        int index;
        if (answer.site() != null) {
            index = indexOf(base, answer.site());
            if (answer.siteIndex() != null && answer.siteIndex() != index) {
                throw new NonsenseException("answer names site '" + answer.site() + "' (index " + index
                        + ") and siteIndex " + answer.siteIndex());
            }
        } else if (answer.siteIndex() != null) {
            index = answer.siteIndex();
            if (index < 0 || index >= base.siteCount()) {
                throw new NonsenseException("siteIndex must be in [0," + base.siteCount() + "), but was " + index);
            }
        } else {
            throw new NonsenseException("answer names no site (give \"site\" or \"siteIndex\")");
        }
        String id = base.sites().get(index).id();
        if (request.excluded()[index]) {
            throw new NonsenseException("site " + id + " is excluded for this task");
        }
        if (!request.app().task(request.taskIndex()).offloadable() && index != base.deviceIndex()) {
            throw new NonsenseException("task " + request.app().task(request.taskIndex()).name()
                    + " is not offloadable, but the answer chose " + id);
        }
        return index;
    }

    private static int indexOf(CostModel base, String id) {
        for (int s = 0; s < base.siteCount(); s++) {
            if (base.sites().get(s).id().equals(id)) {
                return s;
            }
        }
        throw new NonsenseException("site '" + abbreviate(id) + "' is not a site of the scenario; sites: "
                + base.sites().stream().map(Site::id).toList());
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return abbreviate(line);
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    /** An answer that is not a valid decision; the message says why. */
    public static final class NonsenseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NonsenseException(String message) {
            super(message);
        }
    }
}
