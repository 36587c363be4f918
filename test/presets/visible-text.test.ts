import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';

// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Every string in a value, with its path. */
function strings(value: unknown, at = ''): Array<[string, string]> {
	if (typeof value === 'string') return [[at, value]];
	if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${at}[${index}]`));
	if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[`${at}.${key} (key)`, key] as [string, string], ...strings(item, `${at}.${key}`)]);
	return [];
}

test('a preset\'s text reaches the program with its control characters made visible: title, description, captions, markers, names', () => {
	const loaded = loadPreset('test/fixtures/presets/hostile/escapes.yaml');
	if (!loaded.ok) expect.fail(loaded.message);
	const found = strings(loaded.config).filter(([, text]) => control.test(text));
	expect(found).toEqual([]);
	expect(loaded.config.title).toBe('T^[]0;PWNED^G');
	expect(loaded.config.description).toBe('bidi \\u202Eevil\\u202C and a C1 CSI \\u009B2J');
	const texts = loaded.config.timeline.map(entry => JSON.stringify(entry.action));
	expect(texts.some(text => text.includes('^[[2J^[[5;5HXX^[[?1049l'))).toBe(true);
	expect(texts.some(text => text.includes('mark^[]2;OWNED^G'))).toBe(true);
});

test('error messages quote keys and values of the file with their control characters visible, and still point at the line', () => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-visible-')), 'bad.yaml');
	fs.writeFileSync(file, 'title: ok\n"ti\\e[2Jtle": x\nload: { pattern: "con\\e]0;X\\astant", rate: 5/s }\n');
	const loaded = loadPreset(file);
	expect(loaded.ok).toBe(false);
	if (loaded.ok) return;
	const lines = loaded.message.split('\n');
	expect(lines.filter(line => control.test(line))).toEqual([]);
	expect(lines[0]).toMatch(new RegExp(`^${file.replaceAll('.', '\\.')}:2:1 ti\\^\\[\\[2Jtle: unknown key`));
	expect(lines[1]).toMatch(/:3:\d+ load\.pattern: .*con\^\[\]0;X\^Gstant/);
});
