/**
 * The live comparison on screen: a header line, dashboard A above dashboard B (the dashboard's
 * own component tree, compact and labelled), the comparison strip (the bordered table) and the
 * key bar; the `?` overlay once, over both. The plan (./compare-plan.ts) says what fits.
 */
import React, {memo} from 'react';
import {Box} from 'ink';
import {Dashboard} from '../../ui/dashboard.js';
import {Header} from '../../ui/components/header.js';
import {HelpOverlay} from '../../ui/components/help-overlay.js';
import {KeyBar} from '../../ui/components/key-bar.js';
import {Lines} from '../../ui/components/lines.js';
import {BorderedTable} from '../../ui/components/bordered-table.js';
import {ThemeContext} from '../../ui/components/theme-context.js';
import {seg} from '../../ui/paint.js';
import type {Line, Theme} from '../../ui/theme.js';
import type {UiState} from '../../ui/ui-state.js';
import {helpVm} from '../../ui/view-models/to-help.js';
import type {DashboardVm} from '../../ui/view-models/to-dashboard.js';
import type {KeyBarVm} from '../../ui/view-models/to-key-bar.js';
import {compareTooSmall, headersNote, planCompare} from './compare-plan.js';
import {compareHeaderLine, type CompareHeadingVm} from './heading.js';
import {stripColumns, stripNumberColumns} from './strip.js';

/** Props of {@link CompareView}. */
export type CompareViewProps = {
	readonly heading: CompareHeadingVm;
	readonly a: DashboardVm;
	readonly b: DashboardVm;
	/** Each side's UI state (the shared one, selection resolved for that side). */
	readonly uiA: UiState;
	readonly uiB: UiState;
	readonly strip: ReadonlyArray<Readonly<Record<string, string>>>;
	readonly keyBar: KeyBarVm;
	/** The `?` overlay's scroll, when it is open. */
	readonly help: number | undefined;
	readonly columns: number;
	readonly rows: number;
	readonly theme: Theme;
};

const Strip = memo(function Strip({rows}: {readonly rows: ReadonlyArray<Readonly<Record<string, string>>>}) {
	return <BorderedTable columns={stripColumns} rows={rows} alignRight={stripNumberColumns} />;
});

/** The whole comparison screen. */
export function CompareView({heading, a, b, uiA, uiB, strip, keyBar, help, columns, rows, theme}: CompareViewProps) {
	const plan = planCompare(columns, rows);
	if (plan.kind === 'too-small') {
		return (
			<ThemeContext.Provider value={theme}>
				<Lines content={{lines: [[seg(compareTooSmall(columns, rows), 'warn')]]}} box={{width: Math.max(1, columns), height: 1}} />
			</ThemeContext.Provider>
		);
	}

	const {width} = plan;
	const line = (content: Line) => ({lines: [content]});
	const body = rows - 2;
	return (
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={width} height={rows}>
				<Lines content={line(compareHeaderLine(heading))} box={{width, height: 1}} />
				{help === undefined ? (
					<>
						{plan.kind === 'stacked' ? (
							<>
								<Dashboard vm={a} ui={uiA} columns={width} rows={plan.sideRows[0]} theme={theme} isCompact />
								<Dashboard vm={b} ui={uiB} columns={width} rows={plan.sideRows[1]} theme={theme} isCompact />
							</>
						) : (
							<>
								<Header vm={a.header} box={{width, height: 1}} />
								<Header vm={b.header} box={{width, height: 1}} />
								<Lines content={line([seg(headersNote(columns, rows), 'dim')])} box={{width, height: 1}} />
							</>
						)}
						<Strip rows={strip} />
						{plan.kind === 'headers' && plan.spareRows > 0 ? <Lines content={{lines: []}} box={{width, height: plan.spareRows}} /> : undefined}
					</>
				) : (
					<HelpOverlay vm={{help: helpVm, scroll: help}} box={{width, height: body}} />
				)}
				<KeyBar vm={keyBar} box={{width, height: 1}} />
			</Box>
		</ThemeContext.Provider>
	);
}
