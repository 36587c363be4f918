/**
 * Preset text is data, not terminal commands (issue 14 item 7), through the built CLI: the
 * headless summary, the events file and a recording show a hostile preset's escape sequences
 * made visible, and none of them reaches the terminal raw.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';

const cli = path.resolve('dist/cli.js');
const preset = 'test/fixtures/presets/hostile/escapes.yaml';
const run = (args: readonly string[]) => spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
const raw = ['\u001B]0;PWNED', '\u001B[2J\u001B[5;5HXX', '\u001B[?1049l', '\u001B]2;OWNED', '\u202E', '\u009B'];

test('the headless summary (text and JSON) shows the title as T^[]0;PWNED^G and writes no escape from the preset', () => {
	const text = run([preset, '--headless']);
	expect(text.status).toBe(0);
	expect(text.stdout.split('\n')[0]).toBe('scaletop · escapes — T^[]0;PWNED^G');
	// NO_COLOR: nothing in the summary is an escape sequence at all.
	expect(text.stdout).not.toContain('\u001B');
	const json = run([preset, '--headless', '--json']);
	expect(json.status).toBe(0);
	expect(raw.filter(sequence => json.stdout.includes(sequence))).toEqual([]);
});

test('--events and --record carry the captions and markers made visible', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-hostile-'));
	const events = path.join(folder, 'e.ndjson');
	const cast = path.join(folder, 'h.cast');
	const result = run([preset, '--headless', '--events', events, '--record', cast, '--cols', '160']);
	expect(result.status).toBe(0);
	const lines = fs.readFileSync(events, 'utf8').trim().split('\n').map(line => JSON.parse(line) as {kind: string; text: string});
	expect(lines).toContainEqual({t: 0, kind: 'caption', text: '^[[2J^[[5;5HXX^[[?1049l'});
	expect(lines).toContainEqual({t: 30, kind: 'action', text: 'mark^[]2;OWNED^G'});
	// The cast's events decoded: the preset's sequences appear only as visible text.
	const data = fs.readFileSync(cast, 'utf8').trim().split('\n').slice(1).map(line => (JSON.parse(line) as [number, string, string])[2]).join('');
	expect(raw.filter(sequence => data.includes(sequence))).toEqual([]);
	expect(data).toContain('^[[2J^[[5;5HXX');
	expect(JSON.parse(fs.readFileSync(cast, 'utf8').split('\n')[0]!)).toMatchObject({title: 'T^[]0;PWNED^G'});
});
