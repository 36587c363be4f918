import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {LineFileIo} from '../../source/files/line-file.js';
import {CastWriteError, openCastFile} from '../../source/recorder/cast-file.js';
import {parseCast} from './helpers/replay.js';

let folder: string;
beforeEach(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-cast-'));
});
afterEach(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

describe('openCastFile', () => {
	it('writes the header at once and every event as a whole line', () => {
		const file = path.join(folder, 'demo.cast');
		const opened = openCastFile({path: file, header: {columns: 80, rows: 24, title: 'T'}});
		if (!opened.ok) throw new Error(opened.message);
		expect(fs.readFileSync(file, 'utf8')).toBe('{"version":2,"width":80,"height":24,"title":"T"}\n');
		opened.file.write({timeSeconds: 0.25, code: 'o', data: 'hello'});
		expect(fs.readFileSync(file, 'utf8').split('\n')).toEqual(['{"version":2,"width":80,"height":24,"title":"T"}', '[0.250000, "o", "hello"]', '']);
		opened.file.close();
		opened.file.close();
		opened.file.write({timeSeconds: 1, code: 'o', data: 'after close'});
		expect(parseCast(fs.readFileSync(file, 'utf8')).events).toHaveLength(1);
	});

	it('does not overwrite an existing file without force and says why', () => {
		const file = path.join(folder, 'demo.cast');
		fs.writeFileSync(file, 'keep me');
		const opened = openCastFile({path: file, header: {columns: 80, rows: 24}});
		expect(opened).toEqual({ok: false, exitCode: 2, message: `--record ${file}: the file already exists (add --force to overwrite it).`});
		expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
		const forced = openCastFile({path: file, force: true, header: {columns: 80, rows: 24}});
		expect(forced.ok).toBe(true);
		if (forced.ok) forced.file.close();
		expect(fs.readFileSync(file, 'utf8')).toBe('{"version":2,"width":80,"height":24}\n');
	});

	it('a disk that fills in the middle of a character: the cast ends at its last complete event, and write says why', () => {
		const file = path.join(folder, 'full.cast');
		// Room for the header, one event and a few bytes of the next: the cut falls inside a 3-byte "█".
		let room = -1;
		const io: LineFileIo = {
			openSync: (name, flags) => fs.openSync(name, flags),
			writeSync(fd, buffer, offset, length) {
				if (room === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
				const taken = room < 0 ? length : Math.min(room, length);
				if (room > 0) room -= taken;
				return fs.writeSync(fd, buffer, offset, taken);
			},
			ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
			closeSync: fd => fs.closeSync(fd),
		};
		const opened = openCastFile({path: file, header: {columns: 80, rows: 24}, io});
		if (!opened.ok) throw new Error(opened.message);
		opened.file.write({timeSeconds: 0.1, code: 'o', data: '███ CPU'});
		const prefix = '[0.200000, "o", "';
		room = Buffer.byteLength(prefix) + 1;
		expect(() => opened.file.write({timeSeconds: 0.2, code: 'o', data: '█████'})).toThrow(new CastWriteError('the disk is full'));
		opened.file.write({timeSeconds: 0.3, code: 'o', data: 'ignored: the file is closed'});
		const text = fs.readFileSync(file, 'utf8');
		expect(text).toBe('{"version":2,"width":80,"height":24}\n[0.100000, "o", "███ CPU"]\n');
		expect(parseCast(text).events.map(event => event.data)).toEqual(['███ CPU']);
	});

	it.skipIf(!fs.existsSync('/dev/full'))('/dev/full: the header cannot be written, one sentence, exit 1 (a failed write, not a bad path)', () => {
		expect(openCastFile({path: '/dev/full', header: {columns: 80, rows: 24}})).toEqual({ok: false, exitCode: 1, message: '--record /dev/full: writing failed before the first event (the disk is full).'});
	});
});
