package io.edgeoff.site.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.execution.TaskOrder;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;

/**
 * Validates a {@code POST /v1/tasks} body at the HTTP boundary and turns it into a
 * {@link TaskOrder}. Every problem becomes a 400 {@link ApiException} naming the field and value;
 * unknown fields are ignored.
 */
public final class TaskRequestParser {
    /** Longest accepted idempotency key, characters. */
    public static final int MAX_KEY_LENGTH = 200;
    /** Longest accepted task name, characters. */
    public static final int MAX_TASK_NAME_LENGTH = 200;

    private final ObjectMapper mapper;
    private final List<String> kinds;
    private final double maxMillionInstructions;
    private final double maxOutKB;

    public TaskRequestParser(ObjectMapper mapper, List<String> kinds, double maxMillionInstructions, double maxOutKB) {
        this.mapper = mapper;
        this.kinds = List.copyOf(kinds);
        this.maxMillionInstructions = maxMillionInstructions;
        this.maxOutKB = maxOutKB;
    }

    public TaskOrder parse(byte[] body) {
        Fields fields;
        try {
            fields = read(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body is not valid JSON: " + jsonProblem(e));
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body could not be read: " + e.getMessage());
        }
        String key = text(fields.key, "idempotencyKey", true);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("INVALID_FIELD", "idempotencyKey must have 1 to " + MAX_KEY_LENGTH
                    + " characters, but had " + key.length());
        }
        String badCharacter = badKeyCharacter(key);
        if (badCharacter != null) {
            throw ApiException.badRequest("INVALID_FIELD", "idempotencyKey must not contain " + badCharacter);
        }
        String taskName = text(fields.taskName, "taskName", false);
        if (taskName.length() > MAX_TASK_NAME_LENGTH) {
            throw ApiException.badRequest("INVALID_FIELD", "taskName must have at most " + MAX_TASK_NAME_LENGTH
                    + " characters, but had " + taskName.length());
        }
        String kind = text(fields.kind, "kind", true);
        if (!kinds.contains(kind)) {
            throw ApiException.badRequest("UNKNOWN_TASK_KIND", "unknown task kind '" + abbreviate(kind)
                    + "'; this site runs " + kinds);
        }
        double mi = number(fields.millionInstructions, "millionInstructions");
        if (!(mi >= 0) || mi > maxMillionInstructions) {
            throw ApiException.badRequest("INVALID_FIELD", "millionInstructions must be in [0, " + maxMillionInstructions
                    + "], but was " + mi);
        }
        double outKB = number(fields.outKB, "outKB");
        if (!(outKB >= 0) || outKB > maxOutKB) {
            throw ApiException.badRequest("INVALID_FIELD", "outKB must be in [0, " + maxOutKB + "], but was " + outKB);
        }
        Value inputValue = fields.input;
        byte[] input;
        if (inputValue != null && inputValue.rawLength >= 0) {
            input = decodeBase64(body, inputValue.rawOffset, inputValue.rawLength);
        } else {
            input = decodeBase64(text(inputValue, "inputBase64", true));
        }
        return new TaskOrder(key, taskName, kind, mi, (int) Math.round(outKB * 1024), input);
    }

    /**
     * Why an idempotency key cannot be used (it is echoed in the answer as UTF-8 and stored): a
     * control character (U+0000-U+001F, U+007F-U+009F) or an unpaired UTF-16 surrogate, which has no
     * UTF-8 encoding.
     *
     * @return the first such character, described with its index, or null when the key is fine
     */
    static String badKeyCharacter(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format("control characters, but had U+%04X at index %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("unpaired UTF-16 surrogates, but had U+%04X at index %d", (int) c, i);
            }
        }
        return null;
    }

    /**
     * Jackson's description of a syntax error without the names of its internals (the clauses
     * that point at {@code StreamReadConstraints} or {@code JsonReadFeature} settings).
     */
    static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        return message.replaceAll(",? ?from `[^`]*`", "").replaceAll(":? ?[Ee]nable `[^`]*` to allow", "")
                .replaceAll("`[^`]*`", "a parser setting").replace("()", "").strip();
    }

    /** A field's value as read from the stream: its token, text or number, or where its raw text lies. */
    private static final class Value {
        final JsonToken token;
        final String text;
        final double number;
        final int rawOffset;
        final int rawLength;

        Value(JsonToken token, String text, double number, int rawOffset, int rawLength) {
            this.token = token;
            this.text = text;
            this.number = number;
            this.rawOffset = rawOffset;
            this.rawLength = rawLength;
        }
    }

    /** The fields of a task; a field given twice keeps its last value, like a parsed JSON tree. */
    private static final class Fields {
        Value key;
        Value taskName;
        Value kind;
        Value millionInstructions;
        Value outKB;
        Value input;
    }

    /**
     * Reads the body as a stream of tokens (no tree is built). The whole document is read, so any
     * syntax error is reported whatever field it is in. A body that is not a JSON object is read
     * as a tree only to report it exactly as before.
     */
    private Fields read(byte[] body) throws java.io.IOException {
        Fields fields = new Fields();
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                JsonNode root = mapper.readTree(body);
                if (root == null || !root.isObject()) {
                    throw ApiException.badRequest("MALFORMED_JSON", "request body must be a JSON object");
                }
                throw ApiException.badRequest("MALFORMED_JSON", "request body is not valid JSON: a JSON object must start with '{'");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                switch (name) {
                    case "idempotencyKey" -> fields.key = value(parser, valueToken);
                    case "taskName" -> fields.taskName = value(parser, valueToken);
                    case "kind" -> fields.kind = value(parser, valueToken);
                    case "millionInstructions" -> fields.millionInstructions = value(parser, valueToken);
                    case "outKB" -> fields.outKB = value(parser, valueToken);
                    case "inputBase64" -> fields.input = rawOrValue(parser, valueToken, body);
                    default -> {
                        // Unknown fields are ignored, but read: a syntax error in them is still an error.
                        if (valueToken == JsonToken.VALUE_STRING) {
                            parser.getText();
                        }
                    }
                }
                if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
                    readChildren(parser);
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw ApiException.badRequest("MALFORMED_JSON", "request body is not valid JSON: unexpected " + token
                        + " in an object");
            }
        }
        return fields;
    }

    /** Reads a container's content to its end, decoding every string so that a bad one is an error. */
    private static void readChildren(JsonParser parser) throws java.io.IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return; // end of input: the parser has reported it
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING) {
                parser.getText();
            }
        }
    }

    private static Value value(JsonParser parser, JsonToken token) throws java.io.IOException {
        return switch (token) {
            case VALUE_STRING -> new Value(token, parser.getText(), 0, -1, -1);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value(token, null, parser.getDoubleValue(), -1, -1);
            default -> new Value(token, null, 0, -1, -1);
        };
    }

    /**
     * The input payload: when its text holds nothing but base64 characters (the usual case), where
     * it lies in the body, so that it is decoded from there without building a string; otherwise
     * (escapes, other characters, not a string) as any other value.
     */
    private static Value rawOrValue(JsonParser parser, JsonToken token, byte[] body) throws java.io.IOException {
        if (token == JsonToken.VALUE_STRING) {
            long quote = parser.currentTokenLocation().getByteOffset();
            if (quote >= 0 && quote < body.length && body[(int) quote] == '"') {
                int start = (int) quote + 1;
                int end = plainAsciiEnd(body, start);
                if (end >= 0) {
                    return new Value(token, null, 0, start, end - start);
                }
            }
        }
        return value(parser, token);
    }

    /**
     * @return the index of the quote that ends a string starting at {@code from} when the string
     *     holds only ASCII characters and no escape (then its bytes are its characters, as the
     *     base64 decoder reads a string), else -1
     */
    static int plainAsciiEnd(byte[] body, int from) {
        int i = from;
        // Eight bytes per step: any quote, backslash or non-ASCII byte in the word ends the fast scan.
        for (; i + 8 <= body.length; i += 8) {
            long word = (long) LONGS.get(body, i);
            if ((word & HIGH_BITS | zeroByte(word ^ QUOTES) | zeroByte(word ^ BACKSLASHES)) != 0) {
                break;
            }
        }
        for (; i < body.length; i++) {
            byte b = body[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0) {
                return -1;
            }
        }
        return -1;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * LOW_BITS;
    private static final long BACKSLASHES = '\\' * LOW_BITS;

    /** Non-zero when some byte of {@code word} is zero (exact for the lowest such byte). */
    private static long zeroByte(long word) {
        return (word - LOW_BITS) & ~word & HIGH_BITS;
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", "inputBase64 is not valid base64: " + e.getMessage());
        }
    }

    private static byte[] decodeBase64(byte[] body, int offset, int length) {
        try {
            ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(body, offset, length));
            return decoded.hasArray() && decoded.arrayOffset() == 0 && decoded.remaining() == decoded.array().length
                    ? decoded.array() : java.util.Arrays.copyOfRange(decoded.array(), decoded.arrayOffset()
                    + decoded.position(), decoded.arrayOffset() + decoded.limit());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", "inputBase64 is not valid base64: " + e.getMessage());
        }
    }

    private static String text(Value value, String field, boolean required) {
        if (value == null || value.token == JsonToken.VALUE_NULL) {
            if (required) {
                throw ApiException.badRequest("MISSING_FIELD", "missing required field '" + field + "'");
            }
            return "";
        }
        if (value.token != JsonToken.VALUE_STRING) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be a string, but was " + typeName(value));
        }
        return value.text;
    }

    private static double number(Value value, String field) {
        if (value == null || value.token == JsonToken.VALUE_NULL) {
            throw ApiException.badRequest("MISSING_FIELD", "missing required field '" + field + "'");
        }
        if (!value.token.isNumeric()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be a number, but was " + typeName(value));
        }
        return value.number;
    }

    /** The JSON type of a value, named as a tree node's type ({@code string}, {@code number}, ...). */
    private static String typeName(Value value) {
        return switch (value.token) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_NULL -> "null";
            default -> value.token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
