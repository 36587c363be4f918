/**
 * Packaging (issue 14 item 21): the project packs (prepack builds dist/), the tarball holds the
 * program, the presets, the schemas and the LICENSE but not dist/bench or the schema writer, and
 * installed into a temporary prefix it runs from another folder. The install uses npm's cache
 * with --prefer-offline: the packages' tarballs come from the cache that `npm ci` filled, only
 * their metadata from the registry (npm's --offline needs the metadata cached too, which npm ci
 * does not do).
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';

const npm = (args: readonly string[], cwd: string) => spawnSync('npm', args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_update_notifier: 'false'}});

test('npm pack, then install the tarball into a prefix: scaletop --help and a headless preset run from another folder', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-pack-'));
	// A checkout without dist/ (as a fresh clone): prepack must build it. A copy, so that the
	// build does not rewrite the dist/ other tests are running.
	const checkout = path.join(folder, 'checkout');
	for (const entry of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'LICENSE', 'source', 'presets', 'schema']) fs.cpSync(entry, path.join(checkout, entry), {recursive: true});
	fs.symlinkSync(path.resolve('node_modules'), path.join(checkout, 'node_modules'));
	expect(fs.existsSync(path.join(checkout, 'dist'))).toBe(false);
	const packed = npm(['pack', '--pack-destination', folder, '--json', '--silent'], checkout);
	expect(packed.status, packed.stderr).toBe(0);
	const [{filename, files}] = JSON.parse(packed.stdout) as Array<{filename: string; files: Array<{path: string}>}>;
	const paths = files.map(file => file.path);
	expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'package.json', 'README.md', 'dist/cli.js', 'presets/tour.yaml', 'schema/preset.schema.json', 'schema/summary.schema.json']));
	expect(paths.filter(file => file.startsWith('dist/bench/') || file.includes('write-schema') || file.startsWith('source/') || file.startsWith('test/'))).toEqual([]);

	const prefix = path.join(folder, 'prefix');
	const installed = npm(['install', '--global', '--prefix', prefix, path.join(folder, filename), '--prefer-offline', '--no-audit', '--no-fund'], folder);
	expect(installed.status, installed.stderr).toBe(0);
	const elsewhere = path.join(folder, 'elsewhere');
	fs.mkdirSync(elsewhere);
	const scaletop = path.join(prefix, 'bin', 'scaletop');
	const help = spawnSync(scaletop, ['--help'], {cwd: elsewhere, encoding: 'utf8'});
	expect(help.status).toBe(0);
	expect(help.stdout).toContain('$ scaletop PRESET --headless [--json]');
	const run = spawnSync(scaletop, ['steady', '--headless', '--json', '--duration', '2m'], {cwd: elsewhere, encoding: 'utf8'});
	expect(run.status, run.stderr).toBe(0);
	expect(JSON.parse(run.stdout)).toMatchObject({schemaVersion: 1, preset: 'steady', simulatedSeconds: 120});
	expect(fs.existsSync(path.join(prefix, 'lib', 'node_modules', 'scaletop', 'dist', 'bench'))).toBe(false);
}, 180_000);
