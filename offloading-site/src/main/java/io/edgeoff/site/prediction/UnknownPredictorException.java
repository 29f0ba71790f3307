package io.edgeoff.site.prediction;

import java.util.List;

/** A forecast was asked of a model the site does not serve; the message names the model and the served ones. */
public final class UnknownPredictorException extends IllegalArgumentException {
    public UnknownPredictorException(String predictor, List<String> served) {
        super("predictor '" + predictor + "' is not served by this site; it serves " + served);
    }
}
