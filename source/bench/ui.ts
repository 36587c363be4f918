/**
 * Dashboard figures for `npm run bench`:
 *  - the cost of one full frame with 40 instances at 120×40 and 160×50, from a SimState
 *    (selectors + view-models + composition) and from a view-model, next to what the same
 *    frame costs through Ink's renderToString; and the live screen writer's line diff;
 *  - time from process start to the first frame, by starting the built CLI under `script`
 *    (a pseudo-terminal) and timing the first frame's bytes;
 *  - with SCALETOP_BENCH_CPU=1 (about three minutes): CPU used over 60 s by the live dashboard
 *    in tmux at 160×50 and 10 fps, next to btop at a 100 ms update in the same size.
 */
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import React from 'react';
import {renderToString} from 'ink';
import {advance, createInitialState, makeConfig, type SimState} from '../sim/index.js';
import {Dashboard} from '../ui/dashboard.js';
import {renderFrame} from '../ui/render-frame.js';
import {composeFrame} from '../ui/compose-frame.js';
import {makeTheme} from '../ui/theme.js';
import {initialUiState} from '../ui/ui-state.js';
import {sampleDashboardVm} from '../ui/sample-views.js';
import {diffScreen, endSync} from '../live/screen-writer.js';
import type {BenchLine} from './types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Mean and 95th percentile of `run` in ms, after a warm-up. */
function time(run: () => void, iterations = 200): {readonly mean: number; readonly p95: number} {
	for (let i = 0; i < 20; i++) run();
	const samples: number[] = [];
	for (let i = 0; i < iterations; i++) {
		const start = performance.now();
		run();
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	return {mean: samples.reduce((a, b) => a + b, 0) / samples.length, p95: samples[Math.floor(samples.length * 0.95)]};
}

const digits = (value: number) => value.toFixed(value < 0.1 ? 4 : 2);
const ms = (t: {readonly mean: number; readonly p95: number}) => `${digits(t.mean)} ms mean, ${digits(t.p95)} ms p95`;

/** A run with a 40-instance group, two minutes in. */
function fortyInstanceState(): SimState {
	const config = makeConfig({name: 'bench-40', title: 'Forty instances', seed: 1, autoScaling: {min: 40, max: 40, desired: 40}, load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 800}});
	return advance(createInitialState(config), 120);
}

function frameCost(): BenchLine[] {
	const lines: BenchLine[] = [];
	const theme = makeTheme('color');
	const ui = initialUiState();
	const vm = sampleDashboardVm(40, ui);
	const state = fortyInstanceState();
	for (const [columns, rows] of [[120, 40], [160, 50]] as const) {
		lines.push({name: `frame ${columns}×${rows}, 40 instances: SimState → selectors → view-models → lines`, value: ms(time(() => renderFrame(state, {columns, rows, isColor: true}))), goal: '≤ 10 ms'});
		lines.push({name: `frame ${columns}×${rows}, 40 instances: view-model → lines (composeFrame)`, value: ms(time(() => composeFrame(vm, ui, columns, rows, theme)))});
		lines.push({name: `  for comparison: the same lines through Ink's renderToString`, value: ms(time(() => renderToString(React.createElement(Dashboard, {vm, ui, columns, rows, theme}), {columns}), 50))});
	}
	const a = renderFrame(state, {columns: 160, rows: 50, isColor: true}).split('\n');
	const b = renderFrame(advance(state, 1), {columns: 160, rows: 50, isColor: true}).split('\n');
	lines.push({name: 'screen writer diff of two consecutive 160×50 frames', value: `${ms(time(() => diffScreen(a, b), 2000))}, ${diffScreen(a, b).length} bytes`});
	return lines;
}

/** Time from spawning the CLI in a pseudo-terminal to the end of the first frame's bytes on it. */
async function timeToFirstFrame(): Promise<BenchLine> {
	const name = 'time from process start to first frame (tour, 120×40, via script)';
	if (spawnSync('script', ['--version']).status !== 0) return {name, value: 'skipped: util-linux script not found'};
	const samples: number[] = [];
	for (let i = 0; i < 5; i++) {
		samples.push(await new Promise<number>((resolve, reject) => {
			const start = performance.now();
			const child = spawn('script', ['-qfec', 'stty cols 120 rows 40; exec node dist/cli.js tour', '/dev/null'], {cwd: root, stdio: ['pipe', 'pipe', 'ignore']});
			let seen = '';
			let elapsed = -1;
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error('no frame within 10 s'));
			}, 10_000);
			child.stdout.on('data', (chunk: Buffer) => {
				seen += chunk.toString('utf8');
				if (elapsed < 0 && seen.includes(endSync)) {
					elapsed = performance.now() - start;
					child.stdin.write('q');
				}
			});
			child.on('exit', () => {
				clearTimeout(timer);
				if (elapsed < 0) reject(new Error('the CLI exited before drawing a frame'));
				else resolve(elapsed);
			});
		}));
	}
	samples.sort((a, b) => a - b);
	return {name, value: `${samples[2].toFixed(0)} ms median of 5 (${samples[0].toFixed(0)}–${samples[4].toFixed(0)})`, goal: '≤ 300 ms'};
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU % of the command over `seconds` in a 160×50 tmux pane, after a 3 s start. */
async function cpuInTmux(command: string, seconds: number): Promise<number> {
	const session = `scaletop-bench-${process.pid}`;
	spawnSync('tmux', ['kill-session', '-t', session]);
	spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '160', '-y', '50', ';', 'set-option', '-t', session, 'remain-on-exit', 'on', ';', 'respawn-pane', '-k', '-t', session, `cd '${root}' && exec ${command}`]);
	const pane = (format: string) => spawnSync('tmux', ['display-message', '-p', '-t', session, format], {encoding: 'utf8'}).stdout.trim();
	const wait = async (s: number) => new Promise((resolve) => {
		setTimeout(resolve, s * 1000);
	});
	try {
		await wait(3);
		const pid = Number(pane('#{pane_pid}'));
		const before = cpuSeconds(pid);
		await wait(seconds);
		const used = cpuSeconds(pid) - before;
		if (pane('#{pane_dead}') === '1') throw new Error(`${command} exited early`);
		return (used / seconds) * 100;
	} finally {
		spawnSync('tmux', ['kill-session', '-t', session]);
	}
}

async function cpuVersusBtop(): Promise<BenchLine[]> {
	if (spawnSync('tmux', ['-V']).status !== 0) return [{name: 'CPU over 60 s vs btop', value: 'skipped: tmux not found'}];
	const calm = await cpuInTmux('node dist/cli.js tour --fps 10', 60);
	// At 10× a tick is due every frame, so all ten frames a second are drawn.
	const ours = await cpuInTmux('node dist/cli.js tour --fps 10 --speed 10', 60);
	const lines: BenchLine[] = [
		{name: 'CPU of the live dashboard, 60 s, tmux 160×50, 10 fps, tour at 1× (a frame a second)', value: `${calm.toFixed(1)} % of one core`},
		{name: 'CPU of the live dashboard, 60 s, tmux 160×50, 10 fps, tour at 10× (ten frames a second)', value: `${ours.toFixed(1)} % of one core`},
	];
	if (spawnSync('btop', ['--version']).status !== 0) return [...lines, {name: 'CPU of btop at a 100 ms update', value: 'skipped: btop not installed (apt-get install btop)'}];
	// btop 1.2 (Debian 12) has no --update flag: its update interval comes from btop.conf.
	const configHome = mkdtempSync(join(tmpdir(), 'scaletop-btop-'));
	mkdirSync(join(configHome, 'btop'));
	writeFileSync(join(configHome, 'btop', 'btop.conf'), 'update_ms = 100\n');
	const btop = await cpuInTmux(`env XDG_CONFIG_HOME='${configHome}' btop --utf-force`, 60);
	lines.push({name: 'CPU of btop, update_ms = 100, 60 s, tmux 160×50', value: `${btop.toFixed(1)} % of one core`});
	lines.push({name: 'live dashboard (10×) CPU / btop CPU', value: `${(ours / btop).toFixed(2)}×`, goal: '≤ 2×'});
	return lines;
}

/** The dashboard's section of `npm run bench`. */
export async function bench(): Promise<BenchLine[]> {
	const lines = [...frameCost(), await timeToFirstFrame()];
	if (process.env['SCALETOP_BENCH_CPU'] === '1') lines.push(...(await cpuVersusBtop()));
	else lines.push({name: 'CPU over 60 s vs btop', value: 'run with SCALETOP_BENCH_CPU=1 (takes about three minutes)'});
	return lines;
}
