/**
 * The wire contract between an offloading site and a mobile device: one record per request or
 * response body of the site API ({@code docs/SITE.md}, {@code docs/openapi-site.json}). Every record
 * checks its values in its constructor (an {@link io.edgeoff.siteapi.InvalidFieldException} names
 * the field and the value) and carries its Jackson mapping as annotations, so that the site writes
 * and the device reads exactly these shapes. The site's fast task parser and reply writer are
 * tested against these records ({@code TaskContractTest} in the site).
 */
package io.edgeoff.siteapi;
