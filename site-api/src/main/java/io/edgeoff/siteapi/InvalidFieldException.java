package io.edgeoff.siteapi;

/**
 * A field of a site API body that is missing or has a value the contract does not allow. The
 * message names the field and the value; the site answers it as 400 {@code MISSING_FIELD} or
 * {@code INVALID_FIELD}.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private final String field;
    private final boolean missing;

    private InvalidFieldException(String field, boolean missing, String message) {
        super(message);
        this.field = field;
        this.missing = missing;
    }

    /** A required field that is absent or {@code null}. */
    public static InvalidFieldException missing(String field) {
        return new InvalidFieldException(field, true, "missing required field '" + field + "'");
    }

    /** A field whose value is not allowed; {@code message} names the field and the value. */
    public static InvalidFieldException invalid(String field, String message) {
        return new InvalidFieldException(field, false, message);
    }

    /** @return the JSON name of the field */
    public String field() {
        return field;
    }

    /** @return true when the field was absent or null, false when its value was wrong */
    public boolean missing() {
        return missing;
    }

    /** @return the site's error code for it: {@code MISSING_FIELD} or {@code INVALID_FIELD} */
    public String code() {
        return missing ? "MISSING_FIELD" : "INVALID_FIELD";
    }
}
