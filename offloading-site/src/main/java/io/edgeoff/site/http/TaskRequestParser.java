package io.edgeoff.site.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.site.execution.TaskOrder;
import java.nio.ByteBuffer;
import io.edgeoff.siteapi.InvalidFieldException;
import io.edgeoff.siteapi.JsonValues;
import io.edgeoff.siteapi.TaskRequest;
import java.util.List;
import java.util.Map;

/**
 * The fast reader of a {@code POST /v1/tasks} body: reads it as a stream of tokens (no tree, no
 * map; the input is decoded from the body's bytes where it lies) into the contract's
 * {@link TaskRequest}, through the same field readers ({@link JsonValues}) and constructor as
 * Jackson's mapping of that record, then applies this site's limits ({@link #order}). Every
 * problem becomes a 400 {@link ApiException} naming the field and value; unknown fields are
 * ignored. {@code TaskContractTest} holds it to the record: for every body, this parser and
 * Jackson with the record accept the same requests, with the same values, and refuse the others
 * with the same answer.
 */
public final class TaskRequestParser {
    private final ObjectMapper mapper;
    private final List<String> kinds;
    private final double maxMillionInstructions;
    private final double maxOutKB;
    private final java.util.function.Supplier<List<String>> handlers;

    public TaskRequestParser(ObjectMapper mapper, List<String> kinds, double maxMillionInstructions, double maxOutKB) {
        this(mapper, kinds, maxMillionInstructions, maxOutKB, List::of);
    }

    /** @param handlers  the names of the site's task handlers (a task naming another is 400 {@code UNKNOWN_HANDLER}) */
    public TaskRequestParser(ObjectMapper mapper, List<String> kinds, double maxMillionInstructions, double maxOutKB,
                             java.util.function.Supplier<List<String>> handlers) {
        this.handlers = handlers;
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
        TaskRequest request;
        try {
            // The order of TaskRequest.fromJson: each field's presence and type, then the constructor's rules.
            request = new TaskRequest(
                    JsonValues.requiredString(plain(fields.key), "idempotencyKey"),
                    JsonValues.optionalString(plain(fields.taskName), "taskName"),
                    JsonValues.requiredString(plain(fields.kind), "kind"),
                    JsonValues.requiredNumber(plain(fields.millionInstructions), "millionInstructions"),
                    JsonValues.requiredNumber(plain(fields.outKB), "outKB"),
                    input(body, fields.input),
                    JsonValues.optionalString(plain(fields.handler), "handler"),
                    TaskRequest.parametersOf(fields.parameters));
        } catch (InvalidFieldException e) {
            throw invalid(e);
        }
        return order(request);
    }

    /** The answer to a field the contract refuses: 400 {@code MISSING_FIELD} or {@code INVALID_FIELD}. */
    static ApiException invalid(InvalidFieldException e) {
        return ApiException.badRequest(e.code(), e.getMessage());
    }

    /**
     * Applies this site's limits to a request the contract accepts: a kind of its catalogue, at most
     * its largest task and output.
     *
     * @return the task to run
     */
    public TaskOrder order(TaskRequest request) {
        String kind = request.kind();
        if (!kinds.contains(kind)) {
            throw ApiException.badRequest("UNKNOWN_TASK_KIND", "unknown task kind '" + abbreviate(kind)
                    + "'; this site runs " + kinds);
        }
        double mi = request.millionInstructions();
        if (mi > maxMillionInstructions) {
            throw ApiException.badRequest("INVALID_FIELD", "millionInstructions must be in [0, " + maxMillionInstructions
                    + "], but was " + mi);
        }
        double outKB = request.outKB();
        if (outKB > maxOutKB) {
            throw ApiException.badRequest("INVALID_FIELD", "outKB must be in [0, " + maxOutKB + "], but was " + outKB);
        }
        String handler = request.handler();
        if (handler.equals(SYNTHETIC_HANDLER)) {
            handler = ""; // the synthetic MI task: the kernel paced to the site's rating, from the request's fields
        } else if (!handler.isEmpty() && !handlers.get().contains(handler)) {
            throw ApiException.badRequest("UNKNOWN_HANDLER", "unknown handler '" + handler + "'; this site runs "
                    + handlers.get());
        }
        return new TaskOrder(request.idempotencyKey(), request.taskName(), kind, mi, (int) Math.round(outKB * 1024),
                request.input(), handler, handler.isEmpty() ? Map.of() : request.parameters());
    }

    /**
     * The handler name of the synthetic MI task ({@code io.edgeoff.handlers.SyntheticMiHandler}): on a site it is
     * the synthetic path itself, its MI and output size taken from the request's fields.
     */
    public static final String SYNTHETIC_HANDLER = "synthetic-mi";

    /** The input: decoded where it lies in the body when it is plain ASCII, else read as any other string. */
    private static byte[] input(byte[] body, Value value) {
        if (value != null && value.rawLength >= 0) {
            return TaskRequest.decodeInput(ByteBuffer.wrap(body, value.rawOffset, value.rawLength));
        }
        return TaskRequest.decodeInput(JsonValues.requiredString(plain(value), "inputBase64"));
    }

    /**
     * A value as Jackson binds it into a map ({@link JsonValues} reads both): its text, number,
     * boolean, or an empty list or map standing for an array or object (only their type matters).
     */
    private static Object plain(Value value) {
        if (value == null) {
            return null;
        }
        return switch (value.token) {
            case VALUE_STRING -> value.text;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value.number;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_ARRAY -> List.of();
            case START_OBJECT -> Map.of();
            default -> null;
        };
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
        Value handler;
        /** The parameters as Jackson binds them: a map of plain values, or the plain value of a non-object. */
        Object parameters;
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
                    case "handler" -> fields.handler = value(parser, valueToken);
                    case "parameters" -> {
                        fields.parameters = valueToken == JsonToken.START_OBJECT ? stringMap(parser)
                                : plain(value(parser, valueToken));
                        if (valueToken == JsonToken.START_OBJECT) {
                            continue; // read to its end
                        }
                    }
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

    /** Reads an object's fields as Jackson binds them into a map (the last of a repeated name wins). */
    private static Map<String, Object> stringMap(JsonParser parser) throws java.io.IOException {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            map.put(name, plain(value(parser, valueToken)));
            if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
                readChildren(parser);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw ApiException.badRequest("MALFORMED_JSON", "request body is not valid JSON: unexpected " + token
                    + " in an object");
        }
        return map;
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

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
