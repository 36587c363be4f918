import {test} from 'vitest';
import {loadPreset, builtInPresetNames} from '../../source/presets/load-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import {formatSummary} from '../../source/headless/format-summary.js';
test('w', () => {
	for (const name of builtInPresetNames()) {
		const loaded = loadPreset(name);
		if (!loaded.ok) { console.log(loaded.message); continue; }
		const t = performance.now();
		let r;
		try { r = runHeadless({config: loaded.config}); } catch (e) { console.log(name, 'THREW', e); continue; }
		console.log(formatSummary(r.summary, {title: loaded.config.title, durationSeconds: 0, isComplete: true}), r.violations, Math.round(performance.now() - t), 'ms');
	}
});
