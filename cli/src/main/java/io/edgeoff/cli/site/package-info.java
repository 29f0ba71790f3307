/** {@code edgeoff site}: runs one offloading site of a scenario (module {@code offloading-site}). */
package io.edgeoff.cli.site;
