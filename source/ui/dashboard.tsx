/**
 * The dashboard: layout only. Plans the frame for the terminal size (./layout.ts) and places
 * the panels; every panel draws exactly the width and height it is given, so the frame is
 * never taller than `rows − 1` and a resize never leaves stale rows behind.
 */
import React from 'react';
import {Box} from 'ink';
import type {Theme} from './theme.js';
import type {UiState} from './ui-state.js';
import {planLayout} from './layout.js';
import type {DashboardVm} from './view-models/to-dashboard.js';
import {Header} from './components/header.js';
import {LoadPanel} from './components/load-panel.js';
import {LoadBalancerPanel} from './components/load-balancer-panel.js';
import {ScalingGroupPanel} from './components/scaling-group-panel.js';
import {AlarmList} from './components/alarm-list.js';
import {InstanceTable} from './components/instance-table.js';
import {EventLog} from './components/event-log.js';
import {CaptionLine} from './components/caption-line.js';
import {KeyBar} from './components/key-bar.js';
import {HelpOverlay} from './components/help-overlay.js';
import {TooSmall} from './components/too-small.js';

/** Props of {@link Dashboard}. */
export type DashboardProps = {
	readonly vm: DashboardVm;
	readonly ui: UiState;
	readonly columns: number;
	readonly rows: number;
	readonly theme: Theme;
};

/** The whole screen for one frame. */
export function Dashboard({vm, ui, columns, rows, theme}: DashboardProps) {
	const layout = planLayout(columns, rows, {
		loadBalancer: 2 + Math.max(1, vm.loadBalancer.targets.length),
		scalingGroup: vm.scalingGroup ? 3 + Math.max(1, vm.scalingGroup.policies.length) : 2,
		alarms: 1 + Math.max(1, vm.alarms.length),
	});
	if (layout.isTooSmall) return <TooSmall columns={columns} rows={rows} theme={theme} />;
	const {width} = layout;
	const panels =
		layout.panelColumns === 4 ? (
			<Box flexDirection="row" columnGap={1} height={layout.panelsHeight}>
				<LoadPanel vm={vm.load} {...layout.load} theme={theme} />
				<LoadBalancerPanel vm={vm.loadBalancer} {...layout.loadBalancer} theme={theme} />
				<ScalingGroupPanel vm={vm.scalingGroup} {...layout.scalingGroup} theme={theme} />
				<AlarmList rows={vm.alarms} {...layout.alarms} theme={theme} />
			</Box>
		) : (
			<Box flexDirection="row" columnGap={1} height={layout.panelsHeight}>
				<Box flexDirection="column" width={layout.load.width}>
					<LoadPanel vm={vm.load} {...layout.load} theme={theme} />
					<LoadBalancerPanel vm={vm.loadBalancer} {...layout.loadBalancer} theme={theme} />
				</Box>
				<Box flexDirection="column" width={layout.scalingGroup.width}>
					<ScalingGroupPanel vm={vm.scalingGroup} {...layout.scalingGroup} theme={theme} />
					<AlarmList rows={vm.alarms} {...layout.alarms} theme={theme} />
				</Box>
			</Box>
		);
	return (
		<Box flexDirection="column" width={width} height={layout.height} overflow="hidden">
			<Header vm={vm.header} width={width} theme={theme} />
			{ui.isHelpVisible ? (
				<HelpOverlay width={width} height={layout.bodyHeight} theme={theme} />
			) : (
				<>
					{panels}
					<InstanceTable
						rows={vm.instances}
						selectedId={ui.selectedId}
						sortColumn={ui.sortColumn}
						isSortDescending={ui.isSortDescending}
						scrollOffset={ui.scrollOffset}
						width={width}
						height={layout.tableHeight}
						theme={theme}
					/>
					<EventLog events={vm.events} width={width} height={layout.logHeight} theme={theme} />
				</>
			)}
			<CaptionLine caption={vm.caption} title={vm.header.title} width={width} theme={theme} />
			<KeyBar flash={ui.flash} width={width} theme={theme} />
		</Box>
	);
}
