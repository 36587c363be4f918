/**
 * Test helpers: parse a cast file completely, and replay its output through a real terminal
 * emulator (@xterm/headless) to read the final screen.
 */
import xterm from '@xterm/headless';

const {Terminal} = xterm;

/** A parsed cast: header object and every event line, times made absolute. */
export type ParsedCast = {
	readonly header: Record<string, unknown>;
	readonly columns: number;
	readonly rows: number;
	readonly events: ReadonlyArray<{readonly timeSeconds: number; readonly code: string; readonly data: string}>;
};

/** Parse every line (throws on any malformed one); v2 absolute or v3 relative times. */
export function parseCast(text: string): ParsedCast {
	if (!text.endsWith('\n')) throw new Error('the cast does not end with a newline');
	const lines = text.slice(0, -1).split('\n');
	const header = JSON.parse(lines[0]) as Record<string, unknown>;
	const isV3 = header['version'] === 3;
	if (!isV3 && header['version'] !== 2) throw new Error(`unknown version ${String(header['version'])}`);
	const term = header['term'] as {cols: number; rows: number} | undefined;
	const columns = isV3 ? term!.cols : (header['width'] as number);
	const rows = isV3 ? term!.rows : (header['height'] as number);
	let time = 0;
	const events = lines.slice(1).filter(line => !(isV3 && line.startsWith('#'))).map((line, index) => {
		const event = JSON.parse(line) as unknown;
		if (!Array.isArray(event) || event.length !== 3 || typeof event[0] !== 'number' || typeof event[1] !== 'string' || typeof event[2] !== 'string') {
			throw new Error(`line ${index + 2} is not an event: ${line}`);
		}

		const previous = time;
		time = isV3 ? time + event[0] : event[0];
		if (time < previous - 1e-9) throw new Error(`line ${index + 2} goes back in time`);
		return {timeSeconds: time, code: event[1], data: event[2]};
	});
	return {header, columns, rows, events};
}

/** A terminal after replaying the `o` events (and `r` resizes) of a cast up to `untilSeconds`; dispose it after use. */
export async function replayTerminal(cast: ParsedCast, untilSeconds = Number.POSITIVE_INFINITY): Promise<InstanceType<typeof Terminal>> {
	const terminal = new Terminal({cols: cast.columns, rows: cast.rows, allowProposedApi: true});
	for (const event of cast.events) {
		if (event.timeSeconds > untilSeconds) break;
		if (event.code === 'o') await new Promise<void>(resolve => {
			terminal.write(event.data, resolve);
		});
		if (event.code === 'r') {
			const [columns, rows] = event.data.split('x').map(Number);
			terminal.resize(columns, rows);
		}
	}

	return terminal;
}

/** Replay a cast (up to `untilSeconds`); returns every screen row, untrimmed (padded with spaces to the width). */
export async function replayScreen(cast: ParsedCast, untilSeconds?: number): Promise<string[]> {
	const terminal = await replayTerminal(cast, untilSeconds);
	const buffer = terminal.buffer.active;
	const screen: string[] = [];
	for (let row = 0; row < terminal.rows; row++) screen.push(buffer.getLine(buffer.viewportY + row)?.translateToString(false) ?? '');
	terminal.dispose();
	return screen;
}

/** The frame's lines as a terminal of `columns` × `rows` shows them: padded with spaces to the width. */
export function expectedScreen(lines: readonly string[], columns: number, rows: number): string[] {
	return Array.from({length: rows}, (_, row) => (lines[row] ?? '').padEnd(columns, ' '));
}

/** Remove SGR colour sequences (for comparing a coloured frame with the emulator's text). */
export function stripSgr(text: string): string {
	return text.replaceAll(/\u001B\[[\d;]*m/g, '');
}
