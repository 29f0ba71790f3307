/**
 * The offloading site: one edge or cloud site of a scenario as an HTTP microservice that executes
 * offloaded tasks for real ({@link io.edgeoff.site.SiteServer}, {@link io.edgeoff.site.SiteConfig}),
 * with its failure monitor, prediction engine and failure injection in the same process. The
 * seed (Zilic et al., EdgeSys 2022) ran these as three containers of one pod and never executed a
 * task on a site. See {@code docs/SITE.md}.
 */
package io.edgeoff.site;
