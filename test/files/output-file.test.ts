/**
 * The one check of every output file (--metrics, --events, --record): the same problem gets
 * the same sentence whichever flag named the file (issue 14 item 5).
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {nodeLineFileIo} from '../../source/files/line-file.js';
import {checkOutputPath, openOutputFile} from '../../source/files/output-file.js';

let folder: string;
beforeEach(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-output-'));
});
afterEach(() => {
	fs.chmodSync(folder, 0o755);
	fs.rmSync(folder, {recursive: true, force: true});
});

const flags = ['--metrics', '--events', '--record'];

describe('checkOutputPath', () => {
	it('accepts a new file in an existing folder, and creates nothing', () => {
		const file = path.join(folder, 'run.out');
		for (const flag of flags) expect(checkOutputPath(flag, file)).toBeUndefined();
		expect(fs.existsSync(file)).toBe(false);
	});

	it('a file name without a folder is in the current folder', () => {
		expect(checkOutputPath('--metrics', 'scaletop-surely-not-here.ndjson')).toBeUndefined();
	});

	it('refuses a missing folder, naming the flag and the folder as typed', () => {
		for (const flag of flags) {
			expect(checkOutputPath(flag, 'nope-not-here/run.out')).toBe(`${flag} nope-not-here/run.out: the folder nope-not-here does not exist.`);
		}

		const file = path.join(folder, 'nope', 'run.out');
		expect(checkOutputPath('--record', file)).toBe(`--record ${file}: the folder ${path.join(folder, 'nope')} does not exist.`);
	});

	it('refuses a folder, even with force', () => {
		for (const flag of flags) expect(checkOutputPath(flag, folder, {force: true})).toBe(`${flag} ${folder}: it is a folder.`);
	});

	it('refuses a file whose folder is a file', () => {
		const notFolder = path.join(folder, 'plain');
		fs.writeFileSync(notFolder, '');
		const file = path.join(notFolder, 'run.out');
		expect(checkOutputPath('--events', file)).toBe(`--events ${file}: ${notFolder} is not a folder.`);
	});

	it('keeps an existing file unless force, whichever flag', () => {
		const file = path.join(folder, 'old.out');
		fs.writeFileSync(file, 'keep me');
		for (const flag of flags) {
			expect(checkOutputPath(flag, file)).toBe(`${flag} ${file}: the file already exists (add --force to overwrite it).`);
			expect(checkOutputPath(flag, file, {force: true})).toBeUndefined();
		}

		expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
	});

	it.skipIf(!fs.existsSync('/dev/full'))('writes to a device as it is, without force (its write then fails)', () => {
		for (const flag of flags) expect(checkOutputPath(flag, '/dev/full')).toBeUndefined();
	});

	it('refuses an empty name', () => {
		expect(checkOutputPath('--record', '  ')).toBe('--record needs a file name, got "  "');
	});

	it.skipIf(process.getuid?.() === 0)('refuses a folder without write permission', () => {
		fs.chmodSync(folder, 0o555);
		const file = path.join(folder, 'run.out');
		expect(checkOutputPath('--metrics', file)).toBe(`--metrics ${file}: permission denied.`);
	});

	// Root may write anywhere, so as root the same check runs in a child process as `nobody`.
	const built = fileURLToPath(new URL('../../dist/files/output-file.js', import.meta.url));
	const canDropToNobody = process.getuid?.() === 0
		&& spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'test', '-r', built]).status === 0;
	it.skipIf(!canDropToNobody)(`refuses a folder without write permission, checked as nobody${canDropToNobody ? '' : ' (SKIPPED: needs root, setpriv, and dist/ readable by nobody)'}`, () => {
		fs.chmodSync(folder, 0o555);
		const file = path.join(folder, 'run.out');
		const script = `import(${JSON.stringify(built)}).then(m => process.stdout.write(String(m.checkOutputPath('--record', ${JSON.stringify(file)}))))`;
		const result = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '--input-type=module', '-e', script], {encoding: 'utf8'});
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe(`--record ${file}: permission denied.`);
	});
});

describe('openOutputFile', () => {
	it('a file that appears between the check and the open is not overwritten: the same sentence as the check', () => {
		const file = path.join(folder, 'race.out');
		// Another process creates the file just before the open.
		const io = {...nodeLineFileIo, openSync(name: string, flags: string) {
			fs.writeFileSync(name, 'theirs');
			return nodeLineFileIo.openSync(name, flags);
		}};
		expect(openOutputFile('--metrics', file, {io})).toEqual({ok: false, message: `--metrics ${file}: the file already exists (add --force to overwrite it).`});
		expect(fs.readFileSync(file, 'utf8')).toBe('theirs');
	});

	it('overwrites an existing file with force', () => {
		const file = path.join(folder, 'old.out');
		fs.writeFileSync(file, 'yesterday\n');
		const opened = openOutputFile('--events', file, {force: true});
		if (!opened.ok) expect.fail(opened.message);
		opened.file.appendLine('today');
		opened.file.close();
		expect(fs.readFileSync(file, 'utf8')).toBe('today\n');
	});
});
