import {describe, expect, test} from 'vitest';
import {makeConfig, type TimelineEntry} from '../../source/sim/index.js';
import {loadPreset} from '../../source/presets/load-preset.js';
import {timelineMarkers} from '../../source/recorder/timeline-markers.js';

const at = (atTick: number, action: TimelineEntry['action']): TimelineEntry => ({atTick, action});

describe('timeline markers: one per timeline event', () => {
	test('a marker, its action and a caption a second later are one event, named by the marker', () => {
		const config = makeConfig({
			timeline: [
				at(30, {type: 'preset/marker-reached', label: 'spike'}),
				at(30, {type: 'traffic/spike-started', factor: 2.2, durationSeconds: 60}),
				at(31, {type: 'preset/caption-shown', text: 'Spike: 53 req/s for a minute'}),
				at(75, {type: 'preset/caption-shown', text: 'CPU is near 90 %'}),
				at(270, {type: 'elb/algorithm-changed', algorithm: 'least-outstanding-requests'}),
				at(271, {type: 'preset/caption-shown', text: 'Routing switched'}),
			],
		});
		expect(timelineMarkers(config)).toEqual([
			{atTick: 30, label: 'spike'},
			{atTick: 75, label: 'CPU is near 90 %'},
			{atTick: 270, label: 'routing least-outstanding-requests'},
		]);
	});

	test('entries more than two seconds apart are events of their own; the window is in simulated seconds', () => {
		const timeline = [at(10, {type: 'preset/caption-shown', text: 'one'}), at(13, {type: 'preset/caption-shown', text: 'two'})];
		expect(timelineMarkers(makeConfig({timeline})).map(m => m.label)).toEqual(['one', 'two']);
		// At 10-s ticks, the next tick is 10 s later: a separate event.
		expect(timelineMarkers(makeConfig({tickSeconds: 10, timeline: [at(1, {type: 'preset/caption-shown', text: 'a'}), at(2, {type: 'preset/caption-shown', text: 'b'})]})).map(m => m.label)).toEqual(['a', 'b']);
	});

	test('the tour: no two markers within two simulated seconds', () => {
		const loaded = loadPreset('tour');
		if (!loaded.ok) throw new Error(loaded.message);
		const ticks = timelineMarkers(loaded.config).map(m => m.atTick);
		for (let k = 1; k < ticks.length; k++) expect(ticks[k] - ticks[k - 1]).toBeGreaterThan(2);
		expect(timelineMarkers(loaded.config).map(m => m.label)).toEqual([
			'Two t2.micro instances share 24 req/s behind the load balancer; each can serve about 30 req/s.',
			'spike',
			'CPU is near 90 %. Target tracking wants 3 minutes above its target before it scales out.',
			'The spike is over; the backlog drains and latency falls back.',
			'kill',
			'The group saw the instance terminate and launches a replacement right away.',
			'scale-out',
			'zone-outage',
			'routing least-outstanding-requests',
			'That is the tour. scaletop --list-presets shows a preset for each story.',
		]);
	});
});
