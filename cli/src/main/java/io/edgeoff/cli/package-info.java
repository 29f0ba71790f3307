/** The {@code edgeoff} command line: one picocli command per area, registered in {@link io.edgeoff.cli.EdgeoffCommand}. */
package io.edgeoff.cli;
