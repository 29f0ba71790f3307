package io.edgeoff.site.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.execution.TaskOrder;
import java.util.Base64;
import java.util.List;

/**
 * Test oracle: the site's task parser as it was before it read bodies as a token stream (it built
 * a Jackson tree). {@link TaskRequestParserTest} checks that the streaming parser answers every
 * body exactly as this one does.
 */
final class TreeTaskRequestParser {
    static final int MAX_KEY_LENGTH = TaskRequestParser.MAX_KEY_LENGTH;
    static final int MAX_TASK_NAME_LENGTH = TaskRequestParser.MAX_TASK_NAME_LENGTH;

    private final ObjectMapper mapper;
    private final List<String> kinds;
    private final double maxMillionInstructions;
    private final double maxOutKB;

    TreeTaskRequestParser(ObjectMapper mapper, List<String> kinds, double maxMillionInstructions, double maxOutKB) {
        this.mapper = mapper;
        this.kinds = List.copyOf(kinds);
        this.maxMillionInstructions = maxMillionInstructions;
        this.maxOutKB = maxOutKB;
    }

    TaskOrder parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body is not valid JSON: "
                    + TaskRequestParser.jsonProblem(e));
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body must be a JSON object");
        }
        String key = text(root, "idempotencyKey", true);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("INVALID_FIELD", "idempotencyKey must have 1 to " + MAX_KEY_LENGTH
                    + " characters, but had " + key.length());
        }
        for (int i = 0; i < key.length(); ) {
            int codePoint = key.codePointAt(i);
            if (Character.isISOControl(codePoint)) {
                throw ApiException.badRequest("INVALID_FIELD", String.format(
                        "idempotencyKey must not contain control characters, but had U+%04X at index %d", codePoint, i));
            }
            if (Character.getType(codePoint) == Character.SURROGATE) {
                throw ApiException.badRequest("INVALID_FIELD", String.format(
                        "idempotencyKey must not contain unpaired UTF-16 surrogates, but had U+%04X at index %d",
                        codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        String taskName = root.has("taskName") && !root.get("taskName").isNull() ? text(root, "taskName", true) : "";
        if (taskName.length() > MAX_TASK_NAME_LENGTH) {
            throw ApiException.badRequest("INVALID_FIELD", "taskName must have at most " + MAX_TASK_NAME_LENGTH
                    + " characters, but had " + taskName.length());
        }
        String kind = text(root, "kind", true);
        if (!kinds.contains(kind)) {
            throw ApiException.badRequest("UNKNOWN_TASK_KIND", "unknown task kind '" + abbreviate(kind)
                    + "'; this site runs " + kinds);
        }
        double mi = number(root, "millionInstructions");
        if (!(mi >= 0) || mi > maxMillionInstructions) {
            throw ApiException.badRequest("INVALID_FIELD", "millionInstructions must be in [0, " + maxMillionInstructions
                    + "], but was " + mi);
        }
        double outKB = number(root, "outKB");
        if (!(outKB >= 0) || outKB > maxOutKB) {
            throw ApiException.badRequest("INVALID_FIELD", "outKB must be in [0, " + maxOutKB + "], but was " + outKB);
        }
        String inputBase64 = text(root, "inputBase64", true);
        byte[] input;
        try {
            input = Base64.getDecoder().decode(inputBase64);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", "inputBase64 is not valid base64: " + e.getMessage());
        }
        return new TaskOrder(key, taskName, kind, mi, (int) Math.round(outKB * 1024), input);
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.badRequest("MISSING_FIELD", "missing required field '" + field + "'");
            }
            return "";
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be a string, but was " + node.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        return node.textValue();
    }

    private static double number(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("MISSING_FIELD", "missing required field '" + field + "'");
        }
        if (!node.isNumber()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be a number, but was "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return node.doubleValue();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
