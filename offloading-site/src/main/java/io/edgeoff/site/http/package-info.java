/**
 * The site's HTTP API under {@code /v1} (Javalin): validation at the boundary, bearer tokens, one
 * JSON error shape ({@link io.edgeoff.site.http.ErrorResponse}), and the OpenAPI document served at
 * {@code /v1/openapi.json}.
 */
package io.edgeoff.site.http;
