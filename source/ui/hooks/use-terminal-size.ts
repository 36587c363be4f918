import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

/** Terminal size in character cells. */
export type TerminalSize = {readonly columns: number; readonly rows: number};

/**
 * The terminal's size, updated on every `resize` of Ink's stdout. The one place that reads
 * `stdout.columns`/`rows` (Ink 6.8 has no `useWindowSize`). `fixed` overrides it (tests,
 * whose fake stdout has no rows).
 */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
	const {stdout} = useStdout();
	const read = (): TerminalSize => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState<TerminalSize>(read);
	useEffect(() => {
		if (fixed) return undefined;
		const onResize = () => {
			setSize((old) => {
				const next = read();
				return old.columns === next.columns && old.rows === next.rows ? old : next;
			});
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed]);
	return fixed ?? size;
}
