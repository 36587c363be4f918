/**
 * `sweep --plan`: one shell command line per run of the grid, for any batch engine (GNU
 * parallel, a Kubernetes Job array, a CI matrix):
 *
 *   scaletop PRESET --headless --json --seed N --set KEY=V … [--duration D]
 *
 * Each line prints that run's summary (with its `settings`) as JSON; `sweep --merge` reads
 * those outputs back into the sweep's table. Pure.
 */
import type {GridRun} from './grid.js';

/** Quote a word for a POSIX shell when it needs it (`[0]` would glob, a space would split). */
export function shellWord(word: string): string {
	return /^[\w./:=@%+,-]+$/.test(word) ? word : `'${word.replaceAll('\'', '\'\\\'\'')}'`;
}

/** The command line of one run. */
export function planLine(reference: string, run: GridRun, options: {readonly duration?: string} = {}): string {
	const words = ['scaletop', reference, '--headless', '--json', '--seed', String(run.seed)];
	for (const [key, text] of Object.entries(run.texts)) words.push('--set', `${key}=${text}`);
	if (options.duration !== undefined) words.push('--duration', options.duration);
	return words.map((word, index) => (index === 0 ? word : shellWord(word))).join(' ');
}
