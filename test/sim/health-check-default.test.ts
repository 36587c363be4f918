/**
 * Issue 14 item 17: as in AWS, an Auto Scaling group's health check type defaults to EC2;
 * ELB health checks must be turned on. Every built-in preset that uses ELB checks says so
 * in its own text, and a preset that does not mention the type gets EC2.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parse} from 'yaml';
import {describe, expect, test} from 'vitest';
import {defaultAutoScaling, makeConfig} from '../../source/sim/defaults.js';
import {builtInPresetNames, builtInPresetsDirectory, loadPreset} from '../../source/presets/load-preset.js';

describe('Auto Scaling group health check type', () => {
	test('the default is EC2, as in AWS', () => {
		expect(defaultAutoScaling().healthCheckType).toBe('EC2');
		expect(makeConfig({}).autoScaling?.healthCheckType).toBe('EC2');
	});

	test('a preset that does not name the type gets EC2', () => {
		const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-hc-'));
		const file = path.join(directory, 'no-type.yaml');
		fs.writeFileSync(file, ['name: no-type', 'title: No type', 'duration: 1m', 'autoScaling:', '  min: 1', '  max: 2', '  desired: 1', ''].join('\n'));
		const loaded = loadPreset(file);
		fs.rmSync(directory, {recursive: true, force: true});
		expect(loaded.ok, loaded.ok ? '' : loaded.message).toBe(true);
		if (loaded.ok) expect(loaded.config.autoScaling?.healthCheckType).toBe('EC2');
	});

	const names = builtInPresetNames();
	test('there are built-in presets with ELB checks to check', () => {
		const elb = names.filter(name => {
			const loaded = loadPreset(name);
			return loaded.ok && loaded.config.autoScaling?.healthCheckType === 'ELB';
		});
		expect(elb.length).toBeGreaterThan(0);
	});

	test.each(names)('built-in preset %s: ELB checks only where its file says healthCheckType: ELB', name => {
		const loaded = loadPreset(name);
		expect(loaded.ok).toBe(true);
		if (!loaded.ok) return;
		const document = parse(fs.readFileSync(path.join(builtInPresetsDirectory, `${name}.yaml`), 'utf8')) as {autoScaling?: {healthCheckType?: string}};
		const written = document.autoScaling?.healthCheckType;
		const type = loaded.config.autoScaling?.healthCheckType;
		if (type === 'ELB') expect(written).toBe('ELB');
		if (written === undefined && loaded.config.autoScaling) expect(type).toBe('EC2');
	});
});
