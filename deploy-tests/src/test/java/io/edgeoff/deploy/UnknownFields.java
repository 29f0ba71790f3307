package io.edgeoff.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds fields the fabric8 model did not recognise. The model keeps unknown YAML keys in
 * {@code additionalProperties} instead of failing, so a misspelt {@code readinesProbe} would
 * otherwise render and parse silently and the cluster would ignore it.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /** Paths like {@code spec.template.spec.containers[0].readinesProbe} of every unknown key. */
    static List<String> of(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found, new IdentityHashMap<>());
        return found;
    }

    private static void walk(Object node, String path, List<String> found, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                walk(e.getValue(), path + "[" + e.getKey() + "]", found, seen);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                    || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            String property = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            String childPath = path.isEmpty() ? property : path + "." + property;
            if (m.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(k -> found.add((path.isEmpty() ? "" : path + ".") + k));
            } else if (isModelOrContainer(value)) {
                walk(value, childPath, found, seen);
            }
        }
    }

    private static boolean isModelOrContainer(Object value) {
        return value instanceof Collection<?> || value instanceof Map<?, ?>
                || value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model");
    }
}
