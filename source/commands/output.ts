/**
 * Writing to stdout: whole text with a final newline. A closed pipe (`scaletop --list-presets |
 * head -1`) is not an error worth a message; the CLI installs that handler once.
 */

/** Write `text` to stdout, ending it with a newline. */
export function write(text: string): void {
	process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
