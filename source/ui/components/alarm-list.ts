import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import {fit, fitName, fitRight} from '../view-models/format.js';
import {alarmStateLabel, type AlarmRowVm} from '../view-models/to-alarm-rows.js';

/** The list's lines: `name  STATE  metric value > threshold  3/5`. */
export function alarmListLines(rows: readonly AlarmRowVm[], width: number): Line[] {
	const lines: Line[] = [titleLine('Alarms', width)];
	const breachWidth = Math.max(...rows.map((r) => r.breach.length), 3);
	// The name gets what is left after state, breach and a dozen columns of the condition; it is
	// cut, never the state (at least 8 columns while state and breach still fit the panel).
	const stateAndBreach = 1 + 7 + breachWidth;
	const nameWidth = Math.max(1, Math.min(Math.max(...rows.map((r) => r.name.length), 4), Math.max(Math.min(8, width - stateAndBreach), width - stateAndBreach - 1 - 12)));
	for (const r of rows) {
		lines.push([
			seg(fitName(r.name, nameWidth)),
			seg(' '),
			seg(fit(alarmStateLabel(r.state), 7), r.tone),
			seg(fitRight(r.breach, breachWidth), r.tone === 'alarm' ? 'alarm' : 'normal'),
			seg(' '),
			seg(width - nameWidth - 9 - breachWidth >= r.condition.length ? r.condition : r.shortCondition, 'dim'),
		]);
	}
	if (rows.length === 0) lines.push([seg('no alarms', 'dim')]);
	return lines;
}
