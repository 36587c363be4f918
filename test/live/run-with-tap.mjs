// Runs the live dashboard (from dist/) with a tap that logs every call as a JSON line to the
// file named by argv[2], and writes this process's pid to argv[2] + '.pid'. For the tap and
// signal tests in test/e2e/live.test.ts.
import {appendFileSync, writeFileSync} from 'node:fs';
import {runLive} from '../../dist/live/run-live.js';
import {makeConfig} from '../../dist/sim/index.js';

const out = process.argv[2];
writeFileSync(out, '');
writeFileSync(`${out}.pid`, String(process.pid));
const log = (entry) => appendFileSync(out, `${JSON.stringify(entry)}\n`);
const tap = {
	write: (chunk) => log({write: chunk}),
	marker: (label) => log({marker: label}),
	resize: (columns, rows) => log({resize: [columns, rows]}),
	close: () => log({close: true}),
};
const config = makeConfig({
	name: 'tapped',
	title: 'Tapped run',
	timeline: [{atTick: 0, action: {type: 'preset/caption-shown', text: 'First caption'}}],
});
const {exitCode: code} = await runLive({config, tap, speed: 10});
log({exit: code});
process.exitCode = code;
