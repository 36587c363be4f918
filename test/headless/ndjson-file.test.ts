import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {openNdjsonWriter, type NdjsonIo} from '../../source/headless/ndjson-file.js';
import type {MetricsLine} from '../../source/sim/index.js';

const line = (t: number): MetricsLine => ({t, arrivalRate: 20, completedRate: 19.5, cpuAvg: 67, latencyP50: 35, latencyP99: 240, inService: 2, pending: 0, desired: 2, healthy: 2, errors: {'500': 0, '502': 0, '503': 0, '504': 0}, costUsd: 0.001 * t, bottleneck: 'web', tierCpu: {web: 67}, inconsistentReads: 0, lostSessions: 0});
const tempFile = (name = 'run.ndjson') => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-ndjson-')), name);

test('each line is on disk as soon as it is written, so a cut-short run leaves whole JSON lines', () => {
	const file = tempFile();
	const opened = openNdjsonWriter('--metrics', file);
	if (!opened.ok) expect.fail(opened.message);
	opened.writer.write(line(60));
	opened.writer.write(line(120));
	// Read before closing: nothing is buffered in the process.
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	expect(lines.at(-1)).toBe('');
	expect(lines.slice(0, -1).map(text => (JSON.parse(text) as MetricsLine).t)).toEqual([60, 120]);
	opened.writer.close();
	opened.writer.close();
	expect(opened.writer.lineCount()).toBe(2);
	expect(opened.writer.failure()).toBeUndefined();
});

test('a folder that does not exist, or a folder as the file, is one sentence, before anything runs', () => {
	expect(openNdjsonWriter('--metrics', '/nonexistent-folder/run.ndjson')).toEqual({ok: false, message: '--metrics /nonexistent-folder/run.ndjson: the folder /nonexistent-folder does not exist.'});
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-ndjson-'));
	expect(openNdjsonWriter('--events', folder)).toEqual({ok: false, message: `--events ${folder}: it is a folder.`});
});

test('an existing file is kept unless --force, as --record does', () => {
	const file = tempFile();
	fs.writeFileSync(file, 'keep me\n');
	expect(openNdjsonWriter('--metrics', file)).toEqual({ok: false, message: `--metrics ${file}: the file already exists (add --force to overwrite it).`});
	expect(fs.readFileSync(file, 'utf8')).toBe('keep me\n');
	const forced = openNdjsonWriter('--metrics', file, {force: true});
	if (!forced.ok) expect.fail(forced.message);
	forced.writer.write(line(60));
	forced.writer.close();
	expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(line(60));
});

test.skipIf(!fs.existsSync('/dev/full'))('/dev/full: the write fails, and failure() says so in one sentence', () => {
	const opened = openNdjsonWriter('--metrics', '/dev/full');
	if (!opened.ok) expect.fail(opened.message);
	opened.writer.write(line(60));
	opened.writer.write(line(120));
	expect(opened.writer.lineCount()).toBe(0);
	expect(opened.writer.failure()).toBe('--metrics /dev/full: writing failed after 0 complete lines (the disk is full); the file ends at its last complete line.');
});

test('a disk that fills in the middle of a line: the file ends at its last complete line', () => {
	const file = tempFile();
	// A disk with room for 300 bytes: writes are cut short at the limit, then ENOSPC.
	let room = 300;
	const io: NdjsonIo = {
		openSync: (name, flags) => fs.openSync(name, flags),
		writeSync(fd, buffer, offset, length) {
			if (room === 0) throw Object.assign(new Error('no space'), {code: 'ENOSPC'});
			const taken = Math.min(room, length);
			room -= taken;
			return fs.writeSync(fd, buffer, offset, taken);
		},
		ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
		closeSync: fd => fs.closeSync(fd),
	};
	const opened = openNdjsonWriter('--metrics', file, {io});
	if (!opened.ok) expect.fail(opened.message);
	for (let t = 60; t <= 600; t += 60) opened.writer.write(line(t));
	opened.writer.close();
	const text = fs.readFileSync(file, 'utf8');
	expect(text.endsWith('\n')).toBe(true);
	const lines = text.trimEnd().split('\n').map(entry => JSON.parse(entry) as MetricsLine);
	expect(lines.map(entry => entry.t)).toEqual([60]);
	expect(opened.writer.lineCount()).toBe(1);
	expect(opened.writer.failure()).toBe(`--metrics ${file}: writing failed after 1 complete line (the disk is full); the file ends at its last complete line.`);
});

test('a reader that closes the pipe is not a failure', () => {
	const file = tempFile();
	const io: NdjsonIo = {
		openSync: (name, flags) => fs.openSync(name, flags),
		writeSync() {
			throw Object.assign(new Error('broken pipe'), {code: 'EPIPE'});
		},
		ftruncateSync() {},
		closeSync: fd => fs.closeSync(fd),
	};
	const opened = openNdjsonWriter('--metrics', file, {io});
	if (!opened.ok) expect.fail(opened.message);
	opened.writer.write(line(60));
	expect(opened.writer.failure()).toBeUndefined();
});
