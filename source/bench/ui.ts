/**
 * Dashboard figures for `npm run bench`:
 *  - the cost of one live frame with 40 instances at 80×24, 120×40 and 160×50: Ink re-rendering
 *    the component tree into the live screen (React, layout, Ink's output, our painter), beside
 *    Ink's own floor for the same text (the same characters as plain <Text> rows), the
 *    view-model's cost, and the recorder's text frame; the painter's diff of two frames;
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
import {EventEmitter} from 'node:events';
import {Box, render, Text} from 'ink';
import {advance, createInitialState, makeConfig, type SimState} from '../sim/index.js';
import {Dashboard} from '../ui/dashboard.js';
import {renderFrame} from '../ui/render-frame.js';
import {composeFrame} from '../ui/compose-frame.js';
import {makeTheme} from '../ui/theme.js';
import {initialUiState} from '../ui/ui-state.js';
import {toDashboardVm} from '../ui/view-models/to-dashboard.js';
import {paintFrame} from '../ui/screen/paint-screen.js';
import {endSync, InkScreen} from '../live/ink-screen.js';
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

/** `count` successive states of the 40-instance run, one tick apart (each frame differs, as at 1× each second). */
function successiveStates(count: number): SimState[] {
	let state = fortyInstanceState();
	const out: SimState[] = [];
	for (let i = 0; i < count; i++) {
		state = advance(state, 1);
		out.push(state);
	}

	return out;
}

/** Mean and p95 of Ink re-rendering `element(k)` for k = 1, 2, … into a screen of ours (as live: debug mode, our painter). */
function inkRerenderCost(element: (k: number) => React.ReactElement, columns: number, rows: number, iterations = 150): {readonly mean: number; readonly p95: number; readonly chars: number} {
	let last = '';
	const screen = new InkScreen(chunk => {
		last = chunk;
	}, () => ({columns, rows}));
	const stdin = new EventEmitter() as unknown as NodeJS.ReadStream;
	const instance = render(element(0), {stdout: screen as unknown as NodeJS.WriteStream, stdin, debug: true, exitOnCtrlC: false, patchConsole: false});
	let k = 1;
	const cost = time(() => {
		instance.rerender(element(k++));
	}, iterations);
	instance.unmount();
	return {...cost, chars: last.length};
}

function frameCost(): BenchLine[] {
	const lines: BenchLine[] = [];
	const theme = makeTheme('color');
	const ui = initialUiState();
	const states = successiveStates(60);
	const vms = states.map(state => toDashboardVm(state, ui));
	for (const [columns, rows] of [[80, 24], [120, 40], [160, 50]] as const) {
		const frame = (k: number) => React.createElement(Dashboard, {vm: vms[k % vms.length], ui, columns, rows, theme});
		const ink = inkRerenderCost(frame, columns, rows);
		// Ink's floor: the same text (escape codes stripped) as plain <Text> rows, the last digits changing every frame.
		const text = composeFrame(vms[0], ui, columns, rows, theme).map(line => line.replaceAll(/\u001B\[[0-9;]*m/g, ''));
		const floorFrame = (k: number) => React.createElement(Box, {flexDirection: 'column', width: columns, height: rows}, ...text.map((line, i) => React.createElement(Text, {key: i, wrap: 'truncate'}, i === 0 ? `${line.slice(0, -6)}${String(k % 100_000).padStart(6)}` : line)));
		const floor = inkRerenderCost(floorFrame, columns, rows);
		const goal = columns === 120 ? '≤ 10 ms and ≤ 1.5× the floor' : '≤ 1.5× the floor';
		lines.push({name: `frame ${columns}×${rows}, 40 instances, through Ink (view-model → Ink → painter)`, value: `${ms(ink)}; ${(ink.mean / floor.mean).toFixed(2)}× the floor`, goal});
		lines.push({name: `  Ink's floor: the same ${text.join('').length} characters as plain <Text> rows`, value: ms(floor)});
		lines.push({name: `  SimState → selectors → view-models (each frame, before Ink)`, value: ms(time(() => toDashboardVm(states[0], ui)))});
		lines.push({name: `  the recorder's frame: SimState → text (renderFrame, no Ink)`, value: ms(time(() => renderFrame(states[0], {columns, rows, isColor: true})))});
	}

	const a = renderFrame(states[0], {columns: 160, rows: 50, isColor: true}).split('\n');
	const b = renderFrame(states[1], {columns: 160, rows: 50, isColor: true}).split('\n');
	lines.push({name: 'painter: the bytes between two consecutive 160×50 frames', value: `${ms(time(() => paintFrame(a, b), 2000))}, ${paintFrame(a, b).length} bytes`});
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
