/**
 * The dashboard as a tree of Ink components: the header, the top panels side by side (from the
 * layout-as-data list, ./panels.ts), the instance table and the activity log (or the detail
 * pane, or the `?` overlay), the caption and the key bar. Each panel is memoised and receives
 * its view-model and its box, nothing else; what goes where is the frame plan
 * (./frame-plan.ts), which the recorder's text composition draws too.
 *
 * Composable: `isCompact` leaves out the caption, the key bar and the log, and the header's
 * label (the view-model's `header.label`) names the side — two compact dashboards side by side
 * make a live comparison.
 */
import React, {useMemo} from 'react';
import {Box} from 'ink';
import {planFrame} from './frame-plan.js';
import type {Theme} from './theme.js';
import type {UiState} from './ui-state.js';
import type {DashboardVm} from './view-models/to-dashboard.js';
import {ThemeContext} from './components/theme-context.js';
import {Header} from './components/header.js';
import {InstanceTable} from './components/instance-table.js';
import {EventLog} from './components/event-log.js';
import {DetailPane} from './components/detail-pane.js';
import {HelpOverlay} from './components/help-overlay.js';
import {Caption} from './components/caption-line.js';
import {KeyBar} from './components/key-bar.js';
import {TooSmall, tooSmallLines} from './components/too-small.js';

/** Props of {@link Dashboard}. */
export type DashboardProps = {
	readonly vm: DashboardVm;
	/** The UI state, selections resolved to listed rows. */
	readonly ui: UiState;
	readonly columns: number;
	readonly rows: number;
	readonly theme: Theme;
	/** A side of a comparison: no caption, no key bar, no log. */
	readonly isCompact?: boolean;
};

/** The whole screen (or a compact side of it) for one frame. */
export function Dashboard({vm, ui, columns, rows, theme, isCompact = false}: DashboardProps) {
	const plan = useMemo(() => planFrame(vm, ui, columns, rows, {isCompact}), [vm, ui, columns, rows, isCompact]);
	if (plan.kind === 'too-small') {
		return (
			<ThemeContext.Provider value={theme}>
				<TooSmall vm={{columns: plan.columns, rows: plan.rows}} box={{width: Math.max(1, columns), height: Math.max(1, Math.min(tooSmallLines(columns, rows).length, rows))}} />
			</ThemeContext.Provider>
		);
	}

	const {lower} = plan;
	return (
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={plan.layout.width} height={plan.layout.height}>
				<Header vm={plan.header.input} box={plan.header.box} />
				{plan.help ? <HelpOverlay vm={plan.help.input} box={plan.help.box} /> : undefined}
				{plan.columns.length > 0 ? (
					<Box flexDirection="row" height={plan.layout.panelsHeight} flexShrink={0}>
						{plan.columns.map((column, index) => (
							// eslint-disable-next-line react/no-array-index-key -- columns are positions
							<Box key={index} flexDirection="column" width={column.width} marginLeft={index === 0 ? 0 : 1} flexShrink={0}>
								{column.panels.map(({panel, input, box}) => <panel.Component key={panel.id} vm={input} box={box} />)}
							</Box>
						))}
					</Box>
				) : undefined}
				{lower?.kind === 'detail' ? <DetailPane vm={lower.detail.input} box={lower.detail.box} /> : undefined}
				{lower?.kind === 'lists' ? <InstanceTable vm={lower.table.input} box={lower.table.box} /> : undefined}
				{lower?.kind === 'lists' && lower.log ? <EventLog vm={lower.log.input} box={lower.log.box} /> : undefined}
				{plan.caption ? <Caption vm={plan.caption.input} box={plan.caption.box} /> : undefined}
				{plan.keyBar ? <KeyBar vm={plan.keyBar.input} box={plan.keyBar.box} /> : undefined}
			</Box>
		</ThemeContext.Provider>
	);
}
