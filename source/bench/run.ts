/**
 * `npm run bench`: every performance figure scaletop reports, measured on this machine.
 * Each area contributes a section module exporting `bench(): Promise<BenchLine[]>`.
 * Results print as a table; docs/benchmarks.md records them with date, machine and command.
 */
import os from 'node:os';
import type {BenchLine} from './types.js';

const sections: Array<[string, () => Promise<{bench: () => Promise<BenchLine[]>}>]> = [
	['simulation', async () => import('./sim.js')],
	['churn', async () => import('./churn.js')],
	['tiers', async () => import('./tiers.js')],
	['dashboard', async () => import('./ui.js')],
	['recorder', async () => import('./recorder.js')],
	['presets', async () => import('./presets.js')],
	['sweep', async () => import('./sweep.js')],
];

const only = process.argv[2];
console.log(`scaletop bench — ${new Date().toISOString()} — node ${process.version} — ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
for (const [name, load] of sections) {
	if (only && only !== name) continue;
	console.log(`\n## ${name}`);
	try {
		const lines = await (await load()).bench();
		for (const line of lines) {
			const goal = line.goal ? `   (goal: ${line.goal})` : '';
			console.log(`${line.name.padEnd(64)} ${line.value}${goal}`);
		}
	} catch (error) {
		console.log(`  failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	}
}
