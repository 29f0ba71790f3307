package io.edgeoff.site.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.site.injection.OutageMode;
import io.edgeoff.siteapi.ApiError;
import io.edgeoff.siteapi.OutageRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Where the site's own names meet the wire contract's. */
class SiteContractTest {
    @Test
    void theContractsOutageModesAreTheSitesModes() {
        assertThat(OutageRequest.MODES).isEqualTo(Arrays.stream(OutageMode.values()).map(OutageMode::label).toList());
    }

    @Test
    void everyStatusTheSiteCanAnswerHasAnErrorCodeTheContractAccepts() {
        for (int status = 400; status < 600; status++) {
            ApiError error = new ApiException(status, SiteHttpApi.codeOf(status), "m").body();

            assertThat(error.code()).as("status %d", status).matches("[A-Z][A-Z0-9_]*");
        }
    }
}
