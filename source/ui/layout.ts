/**
 * Where everything goes for a terminal size: a pure plan the dashboard follows. The frame is
 * `rows - 1` lines tall (Ink 6 clears the whole screen on every frame when its output reaches
 * the terminal's height), fits 80×24 and gives extra width and height to the panels, the
 * instance table and the log.
 */

/** The smallest terminal the dashboard draws in. */
export const minColumns = 80;
export const minRows = 24;

/** Terminals at least this wide show the four panels side by side. */
export const widePanelsColumns = 150;

export type PanelBox = {readonly width: number; readonly height: number};

export type DashboardLayout = {
	readonly isTooSmall: boolean;
	readonly width: number;
	/** Lines in the frame: rows − 1. */
	readonly height: number;
	/** 2: Load+ELB on the left, ASG+alarms on the right; 4: all four side by side. */
	readonly panelColumns: 2 | 4;
	readonly load: PanelBox;
	readonly loadBalancer: PanelBox;
	readonly scalingGroup: PanelBox;
	readonly alarms: PanelBox;
	/** Rows of the panel area. */
	readonly panelsHeight: number;
	/** Instance table rows including its column header. */
	readonly tableHeight: number;
	/** Log rows including its title. */
	readonly logHeight: number;
	/** Everything between the header and the caption (help overlay area). */
	readonly bodyHeight: number;
};

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Rows the load panel fills: its title and seven metrics. */
const loadRows = 8;

/** Natural heights the panels would like, so short panels give rows to their neighbours. */
export type PanelWants = {readonly scalingGroup: number; readonly alarms: number; readonly loadBalancer: number};

/**
 * Plan the frame for a `columns`×`rows` terminal. `captionRows` (1 or 2) is how many lines the
 * preset's caption needs at this width; a second caption line is taken from the body.
 */
export function planLayout(columns: number, rows: number, wants: PanelWants, captionRows = 1): DashboardLayout {
	const isTooSmall = columns < minColumns || rows < minRows;
	const height = Math.max(1, rows - 1);
	const body = height - 2 - captionRows;
	const isWide = columns >= widePanelsColumns;
	const panelsHeight = isWide ? clamp(Math.round(body * 0.3), 8, 12) : clamp(Math.round(body * 0.4), 8, 16);
	const rest = body - panelsHeight;
	const logHeight = clamp(Math.round(rest * 0.4), 4, 14);
	const tableHeight = rest - logHeight;
	let load: PanelBox;
	let loadBalancer: PanelBox;
	let scalingGroup: PanelBox;
	let alarms: PanelBox;
	if (isWide) {
		const w = Math.floor((columns - 3) / 4);
		const last = columns - 3 - 3 * w;
		load = {width: w, height: panelsHeight};
		loadBalancer = {width: w, height: panelsHeight};
		scalingGroup = {width: w, height: panelsHeight};
		alarms = {width: last, height: panelsHeight};
	} else {
		const left = Math.floor((columns - 1) / 2);
		const right = columns - 1 - left;
		const elbHeight = clamp(Math.max(wants.loadBalancer, panelsHeight - loadRows), 3, panelsHeight - 5);
		const asgHeight = clamp(wants.scalingGroup, 3, Math.max(3, panelsHeight - Math.min(wants.alarms, 3)));
		load = {width: left, height: panelsHeight - elbHeight};
		loadBalancer = {width: left, height: elbHeight};
		scalingGroup = {width: right, height: asgHeight};
		alarms = {width: right, height: panelsHeight - asgHeight};
	}
	return {isTooSmall, width: columns, height, panelColumns: isWide ? 4 : 2, load, loadBalancer, scalingGroup, alarms, panelsHeight, tableHeight, logHeight, bodyHeight: body};
}
