package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/tasks}: one task sent to a site.
 *
 * <p>JSON: {@code {"idempotencyKey", "taskName", "kind", "millionInstructions", "outKB", "inputBase64", "handler",
 * "parameters"}}; {@code taskName}, {@code handler} ({@code ""} when absent or null) and {@code parameters}
 * (empty when absent or null) are optional, every other field is required;
 * unknown fields are ignored; a field given twice keeps its last value. Types are strict: a number
 * is never read from a string nor a string from a number. The site's own limits (its task kinds,
 * largest task, largest output) are checked by the site on top of these rules.
 *
 * @param idempotencyKey       unique per task of an execution, 1 to {@value #MAX_KEY_LENGTH} characters, no control
 *                             character and no unpaired UTF-16 surrogate; a retry with the same key is answered
 *                             from the site's replay cache instead of executing twice
 * @param taskName             task name, e.g. {@code COMPARE}, at most {@value #MAX_TASK_NAME_LENGTH} characters
 * @param kind                 task kind name, e.g. {@code DI}
 * @param millionInstructions  work, MI, finite and &gt;= 0
 * @param outKB                output size the site must return, KB, finite and &gt;= 0
 * @param input                the task's input bytes ({@code inputBase64} on the wire, standard base64)
 * @param handler              the task handler to run on the input ({@code docs/HANDLERS.md}), or {@code ""}
 *                             for the synthetic MI task (the kernel paced to the site's rating); a name is 1 to
 *                             {@value #MAX_HANDLER_LENGTH} characters of {@code a-z 0-9 . _ -}, starting with a
 *                             letter or digit
 * @param parameters           the handler's parameters: at most {@value #MAX_PARAMETERS} entries, names 1 to
 *                             {@value #MAX_PARAMETER_NAME_LENGTH} characters without control characters, values
 *                             strings of at most {@value #MAX_PARAMETER_VALUE_LENGTH} characters
 */
@JsonPropertyOrder({"idempotencyKey", "taskName", "kind", "millionInstructions", "outKB", "inputBase64", "handler",
        "parameters"})
public record TaskRequest(
        @JsonProperty(value = "idempotencyKey", required = true) String idempotencyKey,
        @JsonProperty(value = "taskName") String taskName,
        @JsonProperty(value = "kind", required = true) String kind,
        @JsonProperty(value = "millionInstructions", required = true) double millionInstructions,
        @JsonProperty(value = "outKB", required = true) double outKB,
        @JsonProperty(value = "inputBase64", required = true) byte[] input,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty(value = "handler") String handler,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty(value = "parameters") Map<String, String> parameters) {
    /** Longest accepted idempotency key, characters. */
    public static final int MAX_KEY_LENGTH = 200;
    /** Longest accepted task name, characters. */
    public static final int MAX_TASK_NAME_LENGTH = 200;
    /** Longest handler name, characters. */
    public static final int MAX_HANDLER_LENGTH = 64;
    /** Most parameters of one task. */
    public static final int MAX_PARAMETERS = 64;
    /** Longest parameter name, characters. */
    public static final int MAX_PARAMETER_NAME_LENGTH = 64;
    /** Longest parameter value, characters. */
    public static final int MAX_PARAMETER_VALUE_LENGTH = 4096;
    private static final Pattern HANDLER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_HANDLER_LENGTH - 1) + "}");

    /** A synthetic MI task: no handler, no parameters. */
    public TaskRequest(String idempotencyKey, String taskName, String kind, double millionInstructions, double outKB,
                       byte[] input) {
        this(idempotencyKey, taskName, kind, millionInstructions, outKB, input, "", Map.of());
    }

    public TaskRequest {
        checkIdempotencyKey(idempotencyKey, "idempotencyKey");
        if (taskName == null) {
            throw InvalidFieldException.missing("taskName");
        }
        if (taskName.length() > MAX_TASK_NAME_LENGTH) {
            throw InvalidFieldException.invalid("taskName", "taskName must have at most " + MAX_TASK_NAME_LENGTH
                    + " characters, but had " + taskName.length());
        }
        if (kind == null) {
            throw InvalidFieldException.missing("kind");
        }
        checkAmount(millionInstructions, "millionInstructions");
        checkAmount(outKB, "outKB");
        if (input == null) {
            throw InvalidFieldException.missing("inputBase64");
        }
        handler = handler == null ? "" : handler;
        if (!handler.isEmpty() && !HANDLER_NAME.matcher(handler).matches()) {
            throw InvalidFieldException.invalid("handler", "handler must be 1 to " + MAX_HANDLER_LENGTH
                    + " characters of a-z 0-9 . _ -, starting with a letter or digit, but was '"
                    + printable(handler) + "'");
        }
        parameters = checkParameters(parameters);
    }

    private static Map<String, String> checkParameters(Map<String, String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw InvalidFieldException.invalid("parameters", "parameters must have at most " + MAX_PARAMETERS
                    + " entries, but had " + parameters.size());
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.length() > MAX_PARAMETER_NAME_LENGTH
                    || name.chars().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
                throw InvalidFieldException.invalid("parameters", "a parameter name must have 1 to "
                        + MAX_PARAMETER_NAME_LENGTH + " characters without control characters or surrogates, but was '"
                        + printable(String.valueOf(name)) + "'");
            }
            String value = e.getValue();
            if (value == null) {
                throw InvalidFieldException.invalid("parameters", "parameters." + name + " must be a string, but was null");
            }
            if (value.length() > MAX_PARAMETER_VALUE_LENGTH) {
                throw InvalidFieldException.invalid("parameters", "parameters." + name + " must have at most "
                        + MAX_PARAMETER_VALUE_LENGTH + " characters, but had " + value.length());
            }
            copy.put(name, value);
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @return the {@code parameters} field of a body bound as plain values: absent or null is empty, else an
     *     object whose values are all strings
     */
    public static Map<String, String> parametersOf(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw InvalidFieldException.invalid("parameters", "parameters must be an object, but was "
                    + JsonValues.typeName(value));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw InvalidFieldException.invalid("parameters", "parameters." + printable(String.valueOf(e.getKey()))
                        + " must be a string, but was " + JsonValues.typeName(e.getValue()));
            }
            out.put(String.valueOf(e.getKey()), s);
        }
        return out;
    }

    private static String printable(String s) {
        String shown = s.length() <= 40 ? s : s.substring(0, 40) + "...";
        StringBuilder out = new StringBuilder();
        shown.chars().forEach(c -> out.append(Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : (char) c));
        return out.toString();
    }

    /**
     * Jackson's way in: the body bound as a map of plain values, read field by field in the order
     * of the record (each field's presence and type, and the input's base64), then checked by the
     * constructor. The site's fast parser reads the same fields through the same methods.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TaskRequest fromJson(Map<String, Object> json) {
        if (json == null) {
            throw new IllegalArgumentException("a task request must be a JSON object");
        }
        return new TaskRequest(
                JsonValues.requiredString(json.get("idempotencyKey"), "idempotencyKey"),
                JsonValues.optionalString(json.get("taskName"), "taskName"),
                JsonValues.requiredString(json.get("kind"), "kind"),
                JsonValues.requiredNumber(json.get("millionInstructions"), "millionInstructions"),
                JsonValues.requiredNumber(json.get("outKB"), "outKB"),
                decodeInput(JsonValues.requiredString(json.get("inputBase64"), "inputBase64")),
                JsonValues.optionalString(json.get("handler"), "handler"),
                parametersOf(json.get("parameters")));
    }

    /** @return the bytes of the {@code inputBase64} text (standard base64, RFC 4648, padding as written) */
    public static byte[] decodeInput(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw InvalidFieldException.invalid("inputBase64", "inputBase64 is not valid base64: " + e.getMessage());
        }
    }

    /**
     * The same as {@link #decodeInput(String)} for base64 text given as its ASCII bytes (the site
     * decodes a request's input where it lies in the body, without building a string).
     */
    public static byte[] decodeInput(ByteBuffer base64Ascii) {
        ByteBuffer text = base64Ascii.duplicate();
        try {
            ByteBuffer decoded = Base64.getDecoder().decode(base64Ascii);
            return decoded.hasArray() && decoded.arrayOffset() == 0 && decoded.position() == 0
                    && decoded.remaining() == decoded.array().length ? decoded.array()
                    : Arrays.copyOfRange(decoded.array(), decoded.arrayOffset() + decoded.position(),
                    decoded.arrayOffset() + decoded.limit());
        } catch (IllegalArgumentException e) {
            // The decoder counts positions from the start of the backing array: decoded again as a string,
            // the message names the position in the text, as decodeInput(String) does.
            byte[] ascii = new byte[text.remaining()];
            text.get(ascii);
            return decodeInput(new String(ascii, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Checks an idempotency key: 1 to {@value #MAX_KEY_LENGTH} characters, no control character
     * (U+0000-U+001F, U+007F-U+009F) and no unpaired UTF-16 surrogate (it is echoed as UTF-8 and
     * stored, and such a character has no UTF-8 encoding).
     *
     * @param field  the JSON name to report
     */
    static void checkIdempotencyKey(String key, String field) {
        if (key == null) {
            throw InvalidFieldException.missing(field);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw InvalidFieldException.invalid(field, field + " must have 1 to " + MAX_KEY_LENGTH
                    + " characters, but had " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c)) {
                throw InvalidFieldException.invalid(field, String.format(
                        "%s must not contain control characters, but had U+%04X at index %d", field, (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw InvalidFieldException.invalid(field, String.format(
                        "%s must not contain unpaired UTF-16 surrogates, but had U+%04X at index %d", field, (int) c, i));
            }
        }
    }

    private static void checkAmount(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw InvalidFieldException.invalid(field, field + " must be a finite number >= 0, but was " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskRequest t && t.idempotencyKey.equals(idempotencyKey) && t.taskName.equals(taskName)
                && t.kind.equals(kind) && Double.compare(t.millionInstructions, millionInstructions) == 0
                && Double.compare(t.outKB, outKB) == 0 && Arrays.equals(t.input, input) && t.handler.equals(handler)
                && t.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idempotencyKey, taskName, kind, millionInstructions, outKB, Arrays.hashCode(input), handler,
                parameters);
    }

    @Override
    public String toString() {
        return "TaskRequest[idempotencyKey=" + idempotencyKey + ", taskName=" + taskName + ", kind=" + kind
                + ", millionInstructions=" + millionInstructions + ", outKB=" + outKB + ", input=" + input.length
                + " bytes" + (handler.isEmpty() ? "" : ", handler=" + handler + ", parameters=" + parameters) + "]";
    }
}
