/**
 * The sweep's progress bar on stderr (only when stderr is a terminal; stdout carries nothing
 * but the results): `sweep ████████░░░░░░░░ 23/60 runs · 0:04 elapsed · ~0:07 left`.
 * Redrawn at most ten times a second, erased when the sweep ends.
 */

/** Where the bar is drawn. */
export type ProgressStream = {readonly isTTY?: boolean; readonly columns?: number; write(text: string): unknown};

/** The bar's text for `done` of `total` after `elapsedMs` (pure). */
export function progressLine(done: number, total: number, elapsedMs: number, width: number, charset: 'unicode' | 'ascii' = 'unicode'): string {
	const clock = (ms: number) => {
		const seconds = Math.round(ms / 1000);
		return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
	};

	const left = done > 0 && done < total ? ` · ~${clock((elapsedMs / done) * (total - done))} left` : '';
	const text = ` ${done}/${total} runs · ${clock(elapsedMs)} elapsed${left}`;
	const barWidth = Math.max(5, Math.min(30, width - text.length - 8));
	const filled = total > 0 ? Math.round((barWidth * done) / total) : barWidth;
	const [full, empty] = charset === 'ascii' ? ['#', '.'] : ['█', '░'];
	return `sweep ${full.repeat(filled)}${empty.repeat(barWidth - filled)}${text}`;
}

/** A progress bar that draws on `stream` when it is a terminal, and does nothing otherwise. */
export function makeProgress(stream: ProgressStream, total: number, now: () => number, charset: 'unicode' | 'ascii' = 'unicode'): {update(done: number): void; end(): void} {
	const start = now();
	let lastDraw = start;
	const isOn = stream.isTTY === true && total > 0;
	const draw = (done: number) => {
		stream.write(`\r${progressLine(done, total, now() - start, stream.columns ?? 80, charset)}\u001B[K`);
	};

	if (isOn) draw(0);
	return {
		update(done) {
			if (!isOn) return;
			const time = now();
			if (time - lastDraw < 100 && done < total) return;
			lastDraw = time;
			draw(done);
		},
		end() {
			if (isOn) stream.write('\r\u001B[K');
		},
	};
}
