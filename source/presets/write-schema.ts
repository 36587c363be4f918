/**
 * `npm run schema`: writes schema/preset.schema.json from the zod schema (./json-schema.ts).
 * With `--check`, writes nothing and exits 1 when the checked-in file is out of date.
 */
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {presetJsonSchemaText} from './json-schema.js';

const target = fileURLToPath(new URL('../../schema/preset.schema.json', import.meta.url));
const text = presetJsonSchemaText();
if (process.argv.includes('--check')) {
	const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
	if (current !== text) {
		process.stderr.write('schema/preset.schema.json is out of date: run npm run schema\n');
		process.exitCode = 1;
	}
} else {
	fs.writeFileSync(target, text);
	process.stdout.write(`wrote ${target}\n`);
}
