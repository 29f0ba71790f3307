package io.edgeoff.common.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The results schema in JSON: the same names as the CSV columns ({@link PolicySummary}), undefined numbers null. */
public final class ResultsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsJson() {
    }

    /** Summaries as a JSON array, an undefined half-width (a single row) as {@code null}. */
    public static ArrayNode summaries(List<PolicySummary> summaries) {
        return (ArrayNode) undefinedAsNull(JSON.valueToTree(summaries));
    }

    /** Replaces every NaN number in {@code node} (in place) by {@code null}, JSON's undefined. */
    public static JsonNode undefinedAsNull(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> undefined = new ArrayList<>();
            object.properties().forEach(e -> {
                if (e.getValue().isNumber() && Double.isNaN(e.getValue().doubleValue())) {
                    undefined.add(e.getKey());
                } else {
                    undefinedAsNull(e.getValue());
                }
            });
            undefined.forEach(object::putNull);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode e = array.get(i);
                if (e.isNumber() && Double.isNaN(e.doubleValue())) {
                    array.set(i, JSON.nullNode());
                } else {
                    undefinedAsNull(e);
                }
            }
        }
        return node;
    }
}
