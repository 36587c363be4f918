/**
 * `scaletop [PRESET]` on a terminal that cannot draw the dashboard (`TERM=dumb`): the same
 * live run, paced the same way (../ui/hooks/use-simulation.ts's pure pacing), printed as plain
 * lines (./plain-lines.ts) — no alternate screen, no cursor movement, no colour. The keys that
 * need no panel work (through the one keymap), each printing what it did; the exits and their
 * codes are the dashboard's (q 0, Ctrl-C / SIGINT 130, SIGTERM 143, SIGHUP or a vanished
 * terminal 129), and the summary of the run so far follows a quit.
 */
import {performance} from 'node:perf_hooks';
import {isatty} from 'node:tty';
import {createInitialState, selectEventCount, selectHeader, selectSummary, step, type SimState} from '../sim/index.js';
import {formatSummary} from '../headless/format-summary.js';
import {timelineMarkers} from '../recorder/timeline-markers.js';
import {advanceWithin, sampledAdvance, ticksForFrame} from '../ui/hooks/use-simulation.js';
import {resultOf} from '../ui/hooks/use-keybindings.js';
import {isSimAction, keymap, type KeymapContext} from '../ui/keymap.js';
import {initialUiState, uiReducer, type UiState} from '../ui/ui-state.js';
import {toRunVm} from '../ui/view-models/to-dashboard.js';
import {formatClock} from '../ui/view-models/format.js';
import {toAscii} from '../ui/theme.js';
import type {LiveOptions, LiveResult} from './run-live.js';
import {plainEvents, plainIntro, plainKeyHelp, plainKeyNames, plainStatus} from './plain-lines.js';
import {releaseVanishedTerminal} from './terminal.js';

/** Real seconds between two status lines. */
export const plainStatusSeconds = 10;

const emptyList = {ids: [], viewportRows: 1};

function contextOf(ui: UiState): KeymapContext {
	return {ui, instances: emptyList, alarms: emptyList, policies: emptyList, log: {newest: 0, oldest: 0, viewportRows: 1}, help: {rows: 0, viewportRows: 1}, detail: {rows: 0, viewportRows: 1}};
}

function isGoneError(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === 'EIO' || code === 'ENXIO' || code === 'EPIPE' || code === 'EBADF';
}

/** Run the live simulation as plain lines until the user quits. */
export async function runPlain(options: LiveOptions): Promise<LiveResult> {
	const {stdin, stdout} = process;
	const {config, tap} = options;
	const terminalFds = [0, 1, 2].filter(fd => isatty(fd));
	let state = createInitialState(config);
	const run = sampledAdvance(options.sampling);
	let ui = initialUiState({speed: options.speed, isPaused: options.paused});
	let isTerminalGone = false;
	const print = (lines: readonly string[]) => {
		if (lines.length === 0 || isTerminalGone) return;
		const text = lines.map(line => `${line}\n`).join('');
		tap?.write(text);
		try {
			stdout.write(text);
		} catch (error) {
			if (!isGoneError(error)) throw error;
			isTerminalGone = true;
		}
	};

	let exitCode = 0;
	let wakeUp = () => {};
	const stopped = new Promise<void>(resolve => {
		wakeUp = resolve;
	});
	const stop = (code: number) => {
		exitCode = code;
		wakeUp();
	};

	const markers = timelineMarkers(config);
	let nextMarker = 0;
	let seen = selectEventCount(state);
	let wasEnded = false;
	const vmOf = () => toRunVm(state, {isPaused: ui.isPaused, speed: ui.speed});
	const report = () => {
		const events = plainEvents(state, seen);
		seen = events.seen;
		print(events.lines);
		while (tap && nextMarker < markers.length && markers[nextMarker]!.atTick < state.clock.tick) tap.marker(markers[nextMarker++]!.label);
		options.onState?.(state);
		const isEnded = selectHeader(state).simulatedSeconds > config.durationSeconds;
		if (isEnded && !wasEnded) print([plainStatus(vmOf())]);
		wasEnded = isEnded;
	};

	const onKeys = (data: Buffer | string) => {
		for (const char of String(data)) {
			if (char === '\u0003') {
				stop(130);
				return;
			}

			if (!plainKeyNames.has(char)) continue;
			const command = keymap(char, {}, contextOf(ui));
			if (!command) continue;
			if (command.type === 'app/quit') {
				stop(command.exitCode);
				return;
			}

			if (command.type === 'help/toggled') {
				print(plainKeyHelp());
			} else if (command.type === 'app/step-one') {
				state = run(state, 1);
				report();
				print([`> one tick: now ${formatClock(selectHeader(state).simulatedSeconds)}`]);
			} else if (isSimAction(command)) {
				const before = selectEventCount(state);
				state = step(state, command);
				// What it did is its activity-log entry (printed next); an action that wrote none says so here.
				if (selectEventCount(state) === before) print([toAscii(`> ${resultOf(command, state, before)}`)]);
				report();
			} else {
				ui = uiReducer(ui, command);
				print([toAscii(`> ${ui.flash ?? plainStatus(vmOf())}`)]);
			}
		}
	};

	const onInterrupt = () => stop(130);
	const onTerminate = () => stop(143);
	const onHangUp = () => {
		isTerminalGone = true;
		stop(129);
	};

	const onOutputError = (error: unknown) => {
		if (isGoneError(error)) onHangUp();
	};

	process.on('SIGINT', onInterrupt);
	process.on('SIGTERM', onTerminate);
	process.on('SIGHUP', onHangUp);
	const otherOutputErrorListeners = stdout.listeners('error') as Array<(error: unknown) => void>;
	stdout.removeAllListeners('error');
	stdout.on('error', onOutputError);
	stdin.on('end', onHangUp);
	stdin.on('data', onKeys);
	const fps = Math.max(1, Math.min(60, options.fps ?? 10));
	const frameMs = 1000 / fps;
	let carry = 0;
	let msPerTick: number | undefined;
	let last = performance.now();
	let lastStatus = last;
	let pausesSeen = state.pauseRequests;
	const timer = setInterval(() => {
		const now = performance.now();
		const elapsed = Math.min(now - last, 4 * frameMs);
		last = now;
		if (ui.isPaused) return;
		if (state.pauseRequests > 0 && state.pauseRequests !== pausesSeen) {
			pausesSeen = state.pauseRequests;
			ui = uiReducer(ui, {type: 'pause/requested'});
			print(['> paused by the preset (space resumes)']);
			return;
		}

		const due = ticksForFrame(carry, ui.speed, elapsed, config.tickSeconds);
		carry = due.carry;
		if (due.ticks > 0) {
			const result = advanceWithin(state, due.ticks, frameMs / 2, msPerTick, () => performance.now(), run);
			msPerTick = result.msPerTick;
			if (result.ticksDone < due.ticks) carry = 0;
			state = result.state;
			report();
		}

		if (now - lastStatus >= plainStatusSeconds * 1000) {
			lastStatus = now;
			print([plainStatus(vmOf())]);
		}
	}, frameMs);
	try {
		if (stdin.isTTY) stdin.setRawMode(true);
		stdin.resume();
		print([...plainIntro(vmOf()), plainStatus(vmOf())]);
		report();
		await stopped;
	} finally {
		clearInterval(timer);
		process.off('SIGINT', onInterrupt);
		process.off('SIGTERM', onTerminate);
		process.off('SIGHUP', onHangUp);
		stdin.off('end', onHangUp);
		stdin.off('data', onKeys);
		try {
			if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
		} catch {
			// The terminal is gone: nothing left to restore.
		}

		stdin.pause();
		stdin.unref();
		tap?.close();
		stdout.off('error', onOutputError);
		if (isTerminalGone) {
			stdout.on('error', () => {});
			releaseVanishedTerminal(terminalFds);
		} else {
			for (const listener of otherOutputErrorListeners) stdout.on('error', listener);
		}
	}

	if (!isTerminalGone) {
		const isComplete = selectHeader(state).simulatedSeconds >= config.durationSeconds;
		print([formatSummary(selectSummary(state), {title: config.title, durationSeconds: config.durationSeconds, isComplete}).replace(/\n$/, '')]);
	}

	return {exitCode, isTerminalGone, state};
}
