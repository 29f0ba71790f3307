package io.edgeoff.common.scenario;

/**
 * A scenario that cannot be used. The message names the source (file), the field path and the
 * offending value, e.g. {@code my.yaml: links[3].between[1]: unknown site 'XX'}.
 */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;

    public ScenarioException(String source, String field, String problem) {
        super(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.source = source;
        this.field = field;
    }

    public String source() {
        return source;
    }

    public String field() {
        return field;
    }
}
