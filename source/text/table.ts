/**
 * Plain-text tables for the command line (sweep, compare): columns padded to their widest
 * cell by display width (string-width, so `×`, `–` and wide characters line up), numbers
 * right-aligned, a rule under the header. No colour, no borders: the output is for reading
 * in a terminal and for pasting into a ticket, like `ps` or `kubectl get`.
 */
import stringWidth from 'string-width';

/** A column: its header and how its cells align. */
export type Column = {readonly header: string; readonly align?: 'left' | 'right'};

function pad(text: string, width: number, align: 'left' | 'right'): string {
	const gap = ' '.repeat(Math.max(0, width - stringWidth(text)));
	return align === 'right' ? gap + text : text + gap;
}

/** The table as lines: header, a rule, one line per row. Cells missing in a row are blank. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: {readonly indent?: string; readonly gap?: string} = {}): string[] {
	const indent = options.indent ?? '';
	const gap = options.gap ?? '  ';
	const widths = columns.map((column, index) => Math.max(stringWidth(column.header), ...rows.map(row => stringWidth(row[index] ?? ''))));
	const line = (cells: readonly string[]) => indent + columns.map((column, index) => pad(cells[index] ?? '', widths[index]!, column.align ?? 'left')).join(gap).trimEnd();
	return [line(columns.map(column => column.header)), indent + widths.map(width => '─'.repeat(width)).join(gap), ...rows.map(line)];
}
