/**
 * Where everything goes for a box of a size: a pure plan that the Ink tree (./dashboard.tsx)
 * and the recorder's text composition (./compose-frame.ts) both follow, so both draw the same
 * screen. Layout as data: the top panels are a list (./panels.ts) of `{id, column, wants}`;
 * a new panel is one more entry. The frame fills the box (the live screen is drawn by our own
 * painter, so a frame as tall as the terminal is fine): a header, the top panels side by side,
 * the instance table, the activity log, the caption and the key bar. Extra height goes to what
 * has more to show — the table when the fleet is large, the log otherwise.
 */

/** The smallest terminal the dashboard draws in. */
export const minColumns = 80;
export const minRows = 24;

/**
 * The fewest rows of a compact dashboard (a side of a comparison, stacked with another): a
 * header, the top panels' least (8: the load panel's 6 and a row of the ELB beside it) and
 * the instance table's title, column titles and two rows.
 */
export const minCompactRows = 13;

/** A panel needs at least this many columns beside another. */
export const minPanelWidth = 38;

/** Terminals at least this wide show the top panels each in a column of its own (when they fit). */
export const widePanelsColumns = 150;

export type PanelBox = {readonly width: number; readonly height: number};

/** What the layout needs to know of a top panel: which of the two narrow columns it sits in, and its natural height. */
export type PanelSpec = {
	readonly id: string;
	readonly column: 0 | 1;
	/** Rows it would like at a width (title included). */
	readonly wants: (width: number) => number;
	/** Rows it keeps before its neighbours give up theirs (default 2: a title and a row). */
	readonly minHeight?: number;
};

/** A top panel placed: its box. */
export type PlacedPanel = {readonly id: string; readonly box: PanelBox};

/** A column of top panels. */
export type PanelColumn = {readonly width: number; readonly panels: readonly PlacedPanel[]};

/** What the body would like to show, in rows. */
export type BodyWants = {
	/** Instance table rows (zone headings included), without its column header. */
	readonly tableRows: number;
	/** Activity log rows its entries take at this width, without its title. */
	readonly logRows: number;
	/** Rows the caption needs (1 or 2). */
	readonly captionRows: number;
};

export type DashboardLayout = {
	readonly isTooSmall: boolean;
	readonly width: number;
	/** Lines in the frame: the box's height. */
	readonly height: number;
	readonly panelColumns: readonly PanelColumn[];
	/** Rows of the panel area. */
	readonly panelsHeight: number;
	/** Instance table rows including its title and column titles. */
	readonly tableHeight: number;
	/** Log rows including its title. */
	readonly logHeight: number;
	readonly captionHeight: number;
	/** Everything between the header and the caption (help overlay area). */
	readonly bodyHeight: number;
	/** The table and the log together (the detail pane's area). */
	readonly lowerHeight: number;
	/** Rows for the key bar (0 in the compact variant). */
	readonly keyBarHeight: number;
};

/** Rows of the instance table above its instances: its title and its column titles. */
const tableHeadRows = 2;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Heights for panels stacked in a column of `height` rows and `width` columns: each its wants,
 * shrunk in turn — the one furthest above its minimum first, so every panel keeps some rows —
 * the last one taking what is left.
 */
function stack(panels: readonly PanelSpec[], width: number, height: number): number[] {
	const heights = panels.map(p => Math.max(2, p.wants(width)));
	const floors = panels.map((p, i) => Math.min(heights[i], Math.max(2, p.minHeight ?? 2)));
	let excess = heights.reduce((a, b) => a + b, 0) - height;
	while (excess > 0) {
		let pick = -1;
		for (let i = 0; i < heights.length; i++) if (heights[i] > floors[i] && (pick === -1 || heights[i] - floors[i] > heights[pick] - floors[pick])) pick = i;
		if (pick === -1) break;
		heights[pick] -= 1;
		excess -= 1;
	}

	if (excess < 0 && heights.length > 0) heights[heights.length - 1] -= excess;
	return heights;
}

/** The plan for a `columns`×`rows` box. `compact` leaves out the caption, the key bar and the log (a side of a comparison). */
export function planLayout(columns: number, rows: number, panels: readonly PanelSpec[], wants: BodyWants, compact = false): DashboardLayout {
	const isTooSmall = columns < minColumns || rows < (compact ? minCompactRows : minRows);
	const height = Math.max(1, rows);
	const captionHeight = compact ? 0 : clamp(wants.captionRows, 1, 2);
	const keyBarHeight = compact ? 0 : 1;
	const body = Math.max(0, height - 1 - captionHeight - keyBarHeight);
	const fitsWide = columns >= widePanelsColumns && panels.length * (minPanelWidth + 1) - 1 <= columns;
	const groups: PanelSpec[][] = fitsWide ? panels.map(p => [p]) : [panels.filter(p => p.column === 0), panels.filter(p => p.column === 1)];
	const widths = groups.length === 1 ? [columns] : splitWidth(columns, groups.length);
	const natural = Math.max(...groups.map((g, i) => g.reduce((sum, p) => sum + Math.max(2, p.wants(widths[i])), 0)));
	// At least what every panel keeps (its minimum): a short compact dashboard must not spill.
	const floors = Math.max(...groups.map((g, i) => g.reduce((sum, p) => sum + Math.min(Math.max(2, p.wants(widths[i])), Math.max(2, p.minHeight ?? 2)), 0)));
	// The panels take up to 45 % of the body (35 % wide), or more, up to their natural height, when
	// the instance table still shows every row and the log keeps its title and 4 rows (a small
	// fleet at 80×24: no panel hides rows behind '+N more' while the log below is half empty).
	const tableWants = wants.tableRows + tableHeadRows;
	// Not in a compact side of a comparison: there the instance table takes what is left.
	const besideLower = compact ? 0 : body - tableWants - 5;
	const panelsHeight = clamp(natural, 6, Math.max(6, floors, besideLower, Math.round(body * (fitsWide ? 0.35 : 0.45))));
	const rest = Math.max(0, body - panelsHeight);
	// The table gets what its rows need (at least 3 rows, leaving the log at least 4), the log the rest;
	// when the log has less to show than that, the table takes the room back.
	const logMin = compact ? 0 : Math.min(4, rest);
	let tableHeight = clamp(tableWants, Math.min(4, rest), Math.max(0, rest - logMin));
	let logHeight = compact ? 0 : rest - tableHeight;
	if (!compact && logHeight > wants.logRows + 1 && tableHeight < tableWants) {
		const moved = Math.min(logHeight - Math.max(logMin, wants.logRows + 1), tableWants - tableHeight);
		tableHeight += moved;
		logHeight -= moved;
	}

	if (compact) tableHeight = rest;
	const panelColumns = groups.map((group, index) => {
		const heights = stack(group, widths[index], panelsHeight);
		return {width: widths[index], panels: group.map((p, k) => ({id: p.id, box: {width: widths[index], height: heights[k]}}))};
	});
	return {isTooSmall, width: columns, height, panelColumns, panelsHeight, tableHeight, logHeight, captionHeight, bodyHeight: body, lowerHeight: tableHeight + logHeight, keyBarHeight};
}

/** `count` column widths, one space apart, filling `columns` (the first ones take the remainder). */
function splitWidth(columns: number, count: number): number[] {
	const room = columns - (count - 1);
	const base = Math.floor(room / count);
	return Array.from({length: count}, (_, i) => base + (i < room - base * count ? 1 : 0));
}
