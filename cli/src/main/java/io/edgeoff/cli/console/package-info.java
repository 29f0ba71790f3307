/** Console helpers shared by the commands: the one progress bar and the options every command declares the same way. */
package io.edgeoff.cli.console;
