/**
 * The CloudWatch alarms: name, state, datapoints in breach of those evaluated (M of N), and
 * the metric's value against the threshold. A list the keyboard can focus (Tab) and open
 * (Enter: the alarm's recent datapoints against its threshold).
 */
import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {fit, fitName, fitRight} from '../view-models/format.js';
import {textWidth} from '../text-width.js';
import {alarmStateLabel, type AlarmRowVm} from '../view-models/to-alarm-rows.js';
import {fitRows, linesPanel, type PanelContent} from './lines.js';

/** What the list shows: the alarms, the selected one (shown only when focused) and the focus. */
export type AlarmListInput = {readonly rows: readonly AlarmRowVm[]; readonly selected: number; readonly isFocused: boolean};

/**
 * The condition that fits `room` columns: `CPUUtilization 85.2 > 80`, else `CPU 85.2 > 80`, else
 * the value against the threshold alone (`85.2 > 80`: the alarm's name says the metric) — the
 * threshold is what a cut would lose first.
 */
function conditionFor(row: AlarmRowVm, room: number): string {
	if (textWidth(row.condition) <= room) return row.condition;
	if (textWidth(row.shortCondition) <= room) return row.shortCondition;
	return row.shortCondition.slice(row.shortCondition.indexOf(' ') + 1);
}

/** The list's lines for its box: `name  STATE  3/5  CPUUtilization 85.2 > 80`. */
export function alarmListLines(input: AlarmListInput, box: PanelBox): PanelContent {
	const {rows, isFocused} = input;
	const {width} = box;
	const breachWidth = Math.max(...rows.map(r => r.breach.length), 3);
	// The name gets what is left after state, breach and a dozen columns of the condition; it is
	// cut, never the state (at least 8 columns while state and breach still fit the panel).
	const stateAndBreach = 1 + 7 + breachWidth;
	const nameWidth = Math.max(1, Math.min(Math.max(...rows.map(r => textWidth(r.name)), 4), Math.max(Math.min(8, width - stateAndBreach), width - stateAndBreach - 1 - 12)));
	const lines: Line[] = rows.map(r => [
		seg(fitName(r.name, nameWidth)),
		seg(' '),
		seg(fit(alarmStateLabel(r.state), 7), r.tone),
		seg(fitRight(r.breach, breachWidth), r.tone === 'alarm' ? 'alarm' : 'normal'),
		seg(' '),
		seg(conditionFor(r, width - nameWidth - 9 - breachWidth), 'dim'),
	]);
	if (lines.length === 0) lines.push([seg('no alarms', 'dim')]);
	const room = Math.max(1, box.height - 1);
	const first = isFocused && rows.length > room ? Math.min(Math.max(0, input.selected - room + 2), rows.length - room + 1) : 0;
	const shown = fitRows(lines.slice(first), room, 'more alarms');
	const selected = isFocused && rows.length > 0 && input.selected - first < shown.length ? 1 + input.selected - first : undefined;
	return {lines: [titleLine('Alarms', width, [], isFocused), ...shown], selected};
}

/** The alarm list. */
export const AlarmList = linesPanel<AlarmListInput>('AlarmList', alarmListLines);
