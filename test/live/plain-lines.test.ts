import {describe, expect, it} from 'vitest';
import {advance, createInitialState, makeConfig, step} from '../../source/sim/index.js';
import {plainEvents, plainIntro, plainKeyHelp, plainStatus} from '../../source/live/plain-lines.js';
import {toRunVm} from '../../source/ui/view-models/to-dashboard.js';

const config = makeConfig({
	name: 'plain',
	title: 'Plain — a test',
	durationSeconds: 120,
	timeline: [{atTick: 0, action: {type: 'preset/caption-shown', text: 'First caption'}}],
});

// eslint-disable-next-line no-control-regex -- what must not reach a dumb terminal
const notPlain = /[\u001B\u0080-\uFFFF]/;

describe('plain lines for TERM=dumb', () => {
	it('a status line with the clock, speed, load, group, alarms and cost, in ASCII', () => {
		const state = advance(createInitialState(config), 10);
		const line = plainStatus(toRunVm(state, {isPaused: false, speed: 1}));
		expect(line).toMatch(/^\[00:00:10\/00:02:00 x1\] arrivals \d+\/s \| p50\/p99 \S+ \/ \S+ \| 5xx \d+\/s \| CPU \d+% \| desired 2 current 2 min \d+ max \d+ InService \d+ Pending \d+ \| \$\d\.\d{4} \(\$\d\.\d{4}\/h\)$/);
		expect(line).not.toMatch(notPlain);
		expect(plainStatus(toRunVm(state, {isPaused: true, speed: 1}))).toMatch(/^\[00:00:10\/00:02:00 paused\] /);
		expect(plainStatus(toRunVm(advance(state, 120), {isPaused: false, speed: 1}))).toMatch(/^\[00:02:10\/00:02:00 ended, free run x1\] /);
	});

	it('each activity entry once, oldest first, with its Cause; the intro and the key list in ASCII', () => {
		let state = advance(createInitialState(config), 2);
		const first = plainEvents(state, 0);
		expect(first.lines).toEqual(['00:00:00 First caption']);
		expect(plainEvents(state, first.seen).lines).toEqual([]);
		state = step(state, {type: 'asg/desired-capacity-nudged', delta: 1});
		const next = plainEvents(state, first.seen);
		expect(next.lines[0]).toBe('00:00:02 desired +1: from 2 to 3');
		expect(next.lines[1]).toMatch(/^00:00:02 Launching a new EC2 instance: i-0003 Cause: At 2026-01-01T00:00:02Z a user request update of AutoScalingGroup constraints to min: \d+, max: \d+, desired: 3 changing the desired capacity from 2 to 3\.$/);
		for (const line of [...plainIntro(toRunVm(state, {isPaused: false, speed: 1})), ...plainKeyHelp(), ...next.lines]) expect(line).not.toMatch(notPlain);
		expect(plainIntro(toRunVm(state, {isPaused: false, speed: 1}))[0]).toBe('scaletop plain - Plain - a test');
		expect(plainKeyHelp()).toContain('  s            load spike: x5 for 60 s');
		expect(plainKeyHelp().join('\n')).not.toMatch(/filter instances|kill \(terminate\) the selected/);
	});
});
