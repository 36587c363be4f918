import {describe, expect, it} from 'vitest';
import {castCommand, shellWord} from '../../source/recorder/cast-command.js';

describe('castCommand: the header command that makes the same cast again', () => {
	it('headless: the preset, --headless, --record and every setting used', () => {
		expect(castCommand({reference: 'tour', mode: 'headless', recordPath: 'tour.cast', seed: 7, durationSeconds: 300, speed: 5, fps: 10, columns: 120, rows: 36})).toBe('scaletop tour --headless --record tour.cast --seed 7 --duration 5m --speed 5 --fps 10 --cols 120 --rows 36');
	});

	it('live: the terminal gives the size, so only the flags given; and every flag that shapes a cast', () => {
		expect(castCommand({reference: 'steady', mode: 'live', recordPath: 'demo.cast', seed: 13, durationSeconds: 3600})).toBe('scaletop steady --record demo.cast --seed 13 --duration 1h');
		expect(castCommand({reference: 'my presets/day.yaml', mode: 'live', recordPath: "it's.cast", seed: 1, durationSeconds: 90, speed: 60, castFormat: 'v3', isAscii: true, isColor: false, sets: ['load.rate=20/s', 'title=A B']}))
			.toBe("scaletop 'my presets/day.yaml' --record 'it'\\''s.cast' --seed 1 --duration 90s --speed 60 --cast-format v3 --ascii --no-color --set load.rate=20/s --set 'title=A B'");
	});

	it('quotes for a POSIX shell only what needs it', () => {
		expect(shellWord('presets/a-b_c.yaml')).toBe('presets/a-b_c.yaml');
		expect(shellWord('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
		expect(shellWord('')).toBe("''");
	});
});
