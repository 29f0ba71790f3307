package io.edgeoff.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects one kustomization renders to, with typed look-ups. */
record Manifests(String kustomization, String yaml, List<HasMetadata> objects) {

    Manifests {
        objects = List.copyOf(objects);
    }

    /** A Deployment, StatefulSet or Job seen through what the checks need. */
    record Workload(String kind, String name, LabelSelector selector, PodTemplateSpec template,
                    boolean longRunning) {

        Map<String, String> podLabels() {
            return template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels();
        }

        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                kustomization + " renders no " + type.getSimpleName() + " named " + name));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /** The object whose name is {@code prefix} plus kustomize's content hash ({@code -xxxxxxxxxx}). */
    <T extends HasMetadata> T generated(Class<T> type, String prefix) {
        List<T> matches = all(type).stream()
                .filter(o -> o.getMetadata().getName().matches(java.util.regex.Pattern.quote(prefix) + "-[a-z0-9]{10}"))
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError(kustomization + ": expected one generated " + type.getSimpleName() + " "
                    + prefix + "-<hash>, found " + matches.size());
        }
        return matches.get(0);
    }

    List<Service> services() {
        return all(Service.class);
    }

    List<ConfigMap> configMaps() {
        return all(ConfigMap.class);
    }

    List<Secret> secrets() {
        return all(Secret.class);
    }

    List<Ingress> ingresses() {
        return all(Ingress.class);
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    List<Workload> workloads() {
        List<Workload> result = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            result.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getSelector(),
                    d.getSpec().getTemplate(), true));
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            result.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getSelector(),
                    s.getSpec().getTemplate(), true));
        }
        for (Job j : all(Job.class)) {
            result.add(new Workload("Job", j.getMetadata().getName(), j.getSpec().getSelector(),
                    j.getSpec().getTemplate(), false));
        }
        return List.copyOf(result);
    }

    /** Long-running workloads whose pod labels the selector matches. */
    List<Workload> workloadsSelectedBy(Map<String, String> selector) {
        return workloads().stream()
                .filter(Workload::longRunning)
                .filter(w -> w.podLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }
}
