/**
 * `npm run schema`: writes the JSON Schemas in schema/ from the zod schemas — the preset file
 * (./json-schema.ts) and what scaletop writes (../headless/output-schemas.ts: the summary, a
 * metrics line, an events line). With `--check`, writes nothing and exits 1 when a checked-in
 * file is out of date.
 */
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {outputJsonSchemaTexts} from '../headless/output-schemas.js';
import {presetJsonSchemaText} from './json-schema.js';

const texts: Record<string, string> = {'preset.schema.json': presetJsonSchemaText(), ...outputJsonSchemaTexts()};
const isCheck = process.argv.includes('--check');
for (const [name, text] of Object.entries(texts)) {
	const target = fileURLToPath(new URL(`../../schema/${name}`, import.meta.url));
	if (isCheck) {
		const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
		if (current !== text) {
			process.stderr.write(`schema/${name} is out of date: run npm run schema\n`);
			process.exitCode = 1;
		}
	} else {
		fs.writeFileSync(target, text);
		process.stdout.write(`wrote ${target}\n`);
	}
}
