/**
 * The bordered table (./bordered-table.tsx) as lines of text, without React or Ink, for the
 * frames of a recording made from simulated time (`compare --headless --record`): the same
 * borders, one rule under the heading, the same widths by display width and the same tones
 * (heading `title`, cells `normal`, borders `dim`; ASCII glyphs with `--ascii`).
 * test/ui/bordered-table-text.test.tsx holds it equal to what Ink draws. Pure.
 */
import {toAscii, type Theme, type Tone} from '../theme.js';
import {textWidth} from '../text-width.js';

type Row = Readonly<Record<string, string>>;

/** The table's lines (`borderedTableHeight(rows.length)` of them). */
export function borderedTableLines(columns: readonly string[], rows: readonly Row[], theme: Theme, alignRight: readonly string[] = []): string[] {
	const paint = (tone: Tone, text: string) => theme.paint(tone, theme.charset === 'ascii' ? toAscii(text) : text);
	const widths = columns.map(column => Math.max(textWidth(column), ...rows.map(row => textWidth(row[column] ?? ''))) + 2);
	const rule = (left: string, cross: string, right: string) => paint('dim', left) + widths.map(width => paint('dim', '─'.repeat(width))).join(paint('dim', cross)) + paint('dim', right);
	const cells = (tone: Tone, cellOf: (column: string) => string) => {
		const texts = columns.map((column, index) => {
			const text = cellOf(column);
			const room = widths[index]! - 2 - textWidth(text);
			return paint(tone, alignRight.includes(column) ? `${' '.repeat(room + 1)}${text} ` : ` ${text}${' '.repeat(room + 1)}`);
		});
		return paint('dim', '│') + texts.join(paint('dim', '│')) + paint('dim', '│');
	};

	return [
		rule('┌', '┬', '┐'),
		cells('title', column => column),
		rule('├', '┼', '┤'),
		...rows.map(row => cells('normal', column => row[column] ?? '')),
		rule('└', '┴', '┘'),
	];
}
