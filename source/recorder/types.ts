/**
 * What the live dashboard writes to while it is being recorded: every chunk of terminal
 * output (already what the user sees), markers for timeline events and captions, and close
 * on quit. Implemented by the recorder (a cast file), consumed by source/live.
 */
export type LiveOutputTap = {
	/** A chunk of terminal output, written at the current wall-clock time. */
	write(chunk: string): void;
	/** A marker event (timeline action, caption), so players can jump to it. */
	marker(label: string): void;
	/** Terminal resized. */
	resize(columns: number, rows: number): void;
	/** Flush and close; safe to call twice. */
	close(): void;
	/**
	 * What the recording holds, for the line printed after the dashboard has gone: `Recorded
	 * 12.3 s of cast (45 frames) to FILE.`, or why it stopped early (a full disk).
	 */
	report(): {readonly message: string; readonly isFailed: boolean};
};
