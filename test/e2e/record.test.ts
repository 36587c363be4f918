/**
 * End to end: casts scaletop writes are accepted by the real asciinema (Debian's package, which
 * .ci/run installs), and what `asciinema cat` prints leaves the last frame on a terminal.
 * asciinema 2.x's `cat` reads /dev/tty, so it runs inside `script` (util-linux), which gives it
 * a pseudo-terminal. Skipped, with the reason in the test name, where either tool is missing.
 */
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {recordHeadless} from '../../source/recorder/record-headless.js';
import {frameLines} from '../../source/ui/screen/paint-screen.js';
import {recordingUiState} from '../../source/recorder/headless-frames.js';
import {advance, createInitialState, makeConfig} from '../../source/sim/index.js';
import {renderFrame} from '../../source/ui/render-frame.js';
import {expectedScreen, parseCast, replayScreen, stripSgr} from '../recorder/helpers/replay.js';
import {hasTmux, tmuxServers} from '../helpers/tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Run the built CLI; its exit code, stdout and stderr. */
function scaletop(...args: string[]): {status: number | null; stdout: string; stderr: string} {
	const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: ''}});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Undefined when two casts are the same bytes, else where they first differ (short, for a readable failure). */
function firstDifference(a: string, b: string): string | undefined {
	if (a === b) return undefined;
	const [linesA, linesB] = [a.split('\n'), b.split('\n')];
	const index = linesA.findIndex((line, i) => line !== linesB[i]);
	const at = index === -1 ? linesA.length : index;
	return `line ${at + 1} of ${linesA.length} vs ${linesB.length}: ${JSON.stringify(linesA[at]?.slice(0, 160))} vs ${JSON.stringify(linesB[at]?.slice(0, 160))}`;
}

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = ['asciinema', 'script'].filter(tool => !has(tool));
const skipReason = missing.length > 0 ? ` (SKIPPED: ${missing.join(' and ')} not installed; .ci/run installs asciinema)` : '';

/** `asciinema cat FILE` under a pseudo-terminal: its exit code and what it printed. */
function asciinemaCat(file: string): {status: number | null; output: string} {
	const result = spawnSync('script', ['-qec', `asciinema cat '${file}'`, '/dev/null'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	return {status: result.status, output: result.stdout};
}

const config = makeConfig({
	name: 'e2e-record',
	title: 'End to end: a caption and a spike',
	seed: 11,
	durationSeconds: 600,
	timeline: [
		{atTick: 60, action: {type: 'preset/caption-shown', text: 'Five times the load arrives'}},
		{atTick: 60, action: {type: 'traffic/spike-started', factor: 5, durationSeconds: 120}},
	],
});

let folder: string;
beforeAll(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-e2e-'));
});
afterAll(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

describe('recorded casts in the real asciinema', () => {
	it.skipIf(missing.length > 0)(`asciinema cat accepts a headless cast and prints the last frame${skipReason}`, async () => {
		const file = path.join(folder, 'e2e.cast');
		const result = await recordHeadless({config, path: file, columns: 100, rows: 30, speed: 60, fps: 5, isHandlingSignals: false});
		expect(result.exitCode).toBe(0);
		const {status, output} = asciinemaCat(file);
		expect(status).toBe(0);
		const lastFrame = renderFrame(advance(createInitialState(config), 600), {columns: 100, rows: 30, isColor: true}, recordingUiState({speed: 60}));
		const cast = parseCast(fs.readFileSync(file, 'utf8'));
		const printed = await replayScreen({...cast, events: [{timeSeconds: 0, code: 'o', data: output}]});
		expect(printed).toEqual(expectedScreen(frameLines(stripSgr(lastFrame), 30), 100, 30));
	});

	it.skipIf(missing.length > 0)(`asciinema cat rejects a file that is not a cast, so the check can fail${skipReason}`, () => {
		const file = path.join(folder, 'not-a-cast.cast');
		fs.writeFileSync(file, '{"version": 3, "term": {"cols": 80, "rows": 24}}\n');
		expect(asciinemaCat(file).status).not.toBe(0);
	});
});

describe('scaletop PRESET --headless --record FILE (the built CLI)', () => {
	it('writes the same bytes as the recorder library for that preset and seed, twice, and asciinema accepts it', async () => {
		const [first, second, library] = ['cli-1.cast', 'cli-2.cast', 'library.cast'].map(name => path.join(folder, name));
		for (const file of [first, second]) {
			const run = scaletop('tour', '--headless', '--record', file, '--seed', '5', '--speed', '60', '--fps', '2', '--cols', '100', '--rows', '30');
			expect(run.stderr).toBe(`Recorded 5.0 s of cast (11 frames) to ${file}.\n`);
			expect(run.status).toBe(0);
		}

		const loaded = loadPreset('tour');
		if (!loaded.ok) throw new Error(loaded.message);
		await recordHeadless({config: {...loaded.config, seed: 5}, path: library, speed: 60, fps: 2, columns: 100, rows: 30, isHandlingSignals: false});
		// The header's command names the file (it reproduces the cast); everything else is the same bytes.
		const read = (file: string) => fs.readFileSync(file, 'utf8').replace(`--record ${file} `, '--record FILE ');
		expect(fs.readFileSync(first, 'utf8')).toContain(`"command":"scaletop tour --headless --record ${first} --seed 5 --duration 5m --speed 60 --fps 2 --cols 100 --rows 30"`);
		expect(firstDifference(read(first), read(library)), 'the CLI and the library (is dist/ built from this source?)').toBeUndefined();
		expect(firstDifference(read(second), read(first)), 'two CLI runs').toBeUndefined();
		if (missing.length === 0) expect(asciinemaCat(first).status).toBe(0);
	});

	it('the command in the header reproduces the cast byte for byte', () => {
		const [original, again] = ['original.cast', 'again.cast'].map(name => path.join(folder, name));
		expect(scaletop('elb-two-instances', '--headless', '--record', original, '--fps', '2').status).toBe(0);
		const {command} = parseCast(fs.readFileSync(original, 'utf8')).header as {command: string};
		expect(command).toBe(`scaletop elb-two-instances --headless --record ${original} --seed 3 --duration 30m --speed 30 --fps 2 --cols 120 --rows 36`);
		// The same command, to another file: the same cast, byte for byte, but for the file's name in the header.
		expect(scaletop(...command.replace(original, again).split(' ').slice(1)).status).toBe(0);
		expect(firstDifference(fs.readFileSync(again, 'utf8').replace(again, original), fs.readFileSync(original, 'utf8'))).toBeUndefined();
		// --ascii, --no-color, --cast-format and --set shape a cast, so its command carries them.
		const shaped = path.join(folder, 'shaped.cast');
		expect(scaletop('elb-two-instances', '--headless', '--record', shaped, '--fps', '2', '--ascii', '--no-color', '--cast-format', 'v3', '--set', 'load.rate=20/s').status).toBe(0);
		const shapedCommand = (parseCast(fs.readFileSync(shaped, 'utf8')).header as {command: string}).command;
		expect(shapedCommand).toBe(`scaletop elb-two-instances --headless --record ${shaped} --seed 3 --duration 30m --speed 30 --fps 2 --cols 120 --rows 36 --cast-format v3 --ascii --no-color --set load.rate=20/s`);
		const shapedAgain = path.join(folder, 'shaped-again.cast');
		expect(scaletop(...shapedCommand.replace(shaped, shapedAgain).split(' ').slice(1)).status).toBe(0);
		expect(firstDifference(fs.readFileSync(shapedAgain, 'utf8').replace(shapedAgain, shaped), fs.readFileSync(shaped, 'utf8'))).toBeUndefined();
	});

	it('fails before anything starts, with exit code 2 and one sentence, on an unwritable path or an existing file', () => {
		const missingFolder = path.join(folder, 'no-such-folder', 'x.cast');
		expect(scaletop('tour', '--headless', '--record', missingFolder)).toMatchObject({
			status: 2, stdout: '', stderr: `scaletop: --record ${missingFolder}: the folder ${path.dirname(missingFolder)} does not exist.\n`,
		});
		const existing = path.join(folder, 'existing.cast');
		fs.writeFileSync(existing, 'keep');
		expect(scaletop('tour', '--headless', '--record', existing)).toMatchObject({
			status: 2, stdout: '', stderr: `scaletop: --record ${existing}: the file already exists (add --force to overwrite it).\n`,
		});
		expect(fs.readFileSync(existing, 'utf8')).toBe('keep');
		expect(scaletop('tour', '--headless', '--record', folder, '--force')).toMatchObject({status: 2, stderr: `scaletop: --record ${folder}: it is a folder.\n`});
	});

	const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=16k tmpfs "$d"']).status === 0;
	it.skipIf(!canMount || missing.length > 0)(`a disk that fills mid-recording: exit 1, one sentence, and a cast that ends at its last complete event (asciinema cat plays it)${canMount ? skipReason : ' (SKIPPED: unshare -rm cannot mount a tmpfs here)'}`, () => {
		const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-full-'));
		const file = path.join(mount, 'full.cast');
		// A 16 KiB tmpfs in a mount namespace of its own; the cast is checked before the namespace (and the tmpfs) goes.
		const script = `mount -t tmpfs -o size=16k tmpfs '${mount}' && '${process.execPath}' '${cli}' tour --headless --record '${file}' >/dev/null; echo "EXIT=$?"; script -qec "asciinema cat '${file}' >/dev/null; echo CAT=\\$?" /dev/null; cat '${file}'`;
		const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], {encoding: 'utf8'});
		const [exit, cat, ...rest] = result.stdout.split('\n');
		expect(exit).toBe('EXIT=1');
		expect(result.stderr).toBe(`scaletop: --record ${file}: writing failed after ${/after (\d+) frames/.exec(result.stderr)?.[1]} frames (the disk is full); the file holds a valid cast up to then.\n`);
		expect(cat!.trim()).toBe('CAT=0');
		const content = rest.join('\n');
		expect(content.endsWith('\n')).toBe(true);
		expect(parseCast(content).events.length).toBeGreaterThan(5);
	});

	it('Ctrl-C during a recording: exit code 130, one sentence, and a cast that parses to its last line', async () => {
		const file = path.join(folder, 'interrupted.cast');
		// A 48-minute cast at 60 fps (172,800 frames): far longer than the test waits.
		const child = spawn(process.execPath, [cli, 'daily-traffic', '--headless', '--record', file, '--speed', '30', '--fps', '60'], {stdio: ['ignore', 'pipe', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (chunk: Uint8Array) => {
			stderr += String(chunk);
		});
		const closed = new Promise<number | null>(resolve => {
			child.on('close', resolve);
		});
		await vi.waitFor(() => {
			expect(fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').length).toBeGreaterThan(30);
		}, {timeout: 80_000, interval: 50});
		child.kill('SIGINT');
		expect(await closed).toBe(130);
		expect(stderr).toMatch(/^scaletop: Recording stopped by SIGINT: .+interrupted\.cast holds a valid cast of the first \d+\.\d s\.\n$/);
		const cast = parseCast(fs.readFileSync(file, 'utf8'));
		expect(cast.events.at(-1)!.data).toContain('\u001B[?25h');
		if (missing.length === 0) expect(asciinemaCat(file).status).toBe(0);
	}, 120_000);
});

const server = tmuxServers('rec');
const tmux = server.quiet;

describe('scaletop PRESET --record FILE (live, in a real terminal)', () => {
	// With CI set (as on CI machines), Ink writes a bare newline on unmount; it must not become the cast's last frame.
	it.skipIf(!hasTmux)(`records exactly what the dashboard showed: the replayed cast equals the tmux screen${hasTmux ? '' : ' (SKIPPED: tmux not installed)'}`, async () => {
		const file = path.join(folder, 'live.cast');
		const session = `scaletop-rec-${process.pid}`;
		server.newSession(session, 100, 30, `CI=true ${process.execPath} ${cli} tour --record ${file} --speed 10; echo LIVE-EXIT=$?; sleep 30`);
		try {
			await vi.waitFor(() => {
				expect(tmux('capture-pane', '-p', '-t', session)).toContain('running');
			}, {timeout: 20_000, interval: 100});
			tmux('send-keys', '-t', session, 'p');
			await vi.waitFor(() => {
				expect(tmux('capture-pane', '-p', '-t', session)).toMatch(/paused/i);
			}, {timeout: 10_000, interval: 100});
			const shown = tmux('capture-pane', '-p', '-t', session).split('\n').slice(0, 30).map(line => line.trimEnd());
			tmux('send-keys', '-t', session, 'q');
			await vi.waitFor(() => {
				expect(tmux('capture-pane', '-p', '-t', session)).toContain('LIVE-EXIT=0');
			}, {timeout: 10_000, interval: 100});
			const cast = parseCast(fs.readFileSync(file, 'utf8'));
			expect(cast.header).toMatchObject({version: 2, width: 100, height: 30, title: expect.stringContaining('tour') as unknown});
			const replayed = (await replayScreen(cast)).map(line => line.trimEnd());
			expect(replayed).toEqual(shown);
		} finally {
			server.killServer();
		}
	});
});

