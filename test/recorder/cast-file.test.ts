import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {LineFileIo} from '../../source/files/line-file.js';
import {CastWriteError, checkCastPath, openCastFile} from '../../source/recorder/cast-file.js';
import {parseCast} from './helpers/replay.js';

let folder: string;
beforeEach(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-cast-'));
});
afterEach(() => {
	fs.chmodSync(folder, 0o755);
	fs.rmSync(folder, {recursive: true, force: true});
});

describe('checkCastPath', () => {
	it('accepts a new file in an existing folder, and creates nothing', () => {
		const file = path.join(folder, 'demo.cast');
		expect(checkCastPath(file)).toBeUndefined();
		expect(fs.existsSync(file)).toBe(false);
	});

	it('refuses a missing folder', () => {
		const file = path.join(folder, 'nope', 'demo.cast');
		expect(checkCastPath(file)).toBe(`Cannot record to ${file}: the folder ${path.join(folder, 'nope')} does not exist.`);
	});

	it('refuses a folder', () => {
		expect(checkCastPath(folder, {force: true})).toBe(`Cannot record to ${folder}: it is a folder.`);
	});

	it('refuses a file whose folder is a file', () => {
		const notFolder = path.join(folder, 'plain');
		fs.writeFileSync(notFolder, '');
		const file = path.join(notFolder, 'demo.cast');
		expect(checkCastPath(file)).toBe(`Cannot record to ${file}: ${notFolder} is not a folder.`);
	});

	it('refuses to overwrite an existing file without force, and allows it with force', () => {
		const file = path.join(folder, 'old.cast');
		fs.writeFileSync(file, 'keep me');
		expect(checkCastPath(file)).toBe(`Cannot record to ${file}: the file already exists (add --force to overwrite it).`);
		expect(checkCastPath(file, {force: true})).toBeUndefined();
		expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
	});

	it('refuses an empty name', () => {
		expect(checkCastPath('  ')).toBe('Cannot record: the cast file name is empty.');
	});

	it.skipIf(process.getuid?.() === 0)('refuses a folder without write permission', () => {
		fs.chmodSync(folder, 0o555);
		const file = path.join(folder, 'demo.cast');
		expect(checkCastPath(file)).toBe(`Cannot record to ${file}: permission denied.`);
	});

	// Root may write anywhere, so as root the same check runs in a child process as `nobody`.
	const built = fileURLToPath(new URL('../../dist/recorder/cast-file.js', import.meta.url));
	const canDropToNobody = process.getuid?.() === 0
		&& spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'test', '-r', built]).status === 0;
	it.skipIf(!canDropToNobody)(`refuses a folder without write permission, checked as nobody${canDropToNobody ? '' : ' (SKIPPED: needs root, setpriv, and dist/ readable by nobody)'}`, () => {
		fs.chmodSync(folder, 0o555);
		const file = path.join(folder, 'demo.cast');
		const script = `import(${JSON.stringify(built)}).then(m => process.stdout.write(String(m.checkCastPath(${JSON.stringify(file)}))))`;
		const result = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '--input-type=module', '-e', script], {encoding: 'utf8'});
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe(`Cannot record to ${file}: permission denied.`);
	});
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
		expect(opened).toEqual({ok: false, message: `Cannot record to ${file}: the file already exists (add --force to overwrite it).`});
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
});
