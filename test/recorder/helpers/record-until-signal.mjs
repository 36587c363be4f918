// Run by test/recorder/interrupt.test.ts against the built dist/: records a week-long run (far
// more than the test waits for), says "recording" on stdout once 20 frames are written, and
// exits with recordHeadless's exit code after a signal stops it.
import {recordHeadless} from '../../../dist/recorder/index.js';
import {makeConfig} from '../../../dist/sim/index.js';

const [file] = process.argv.slice(2);
const config = makeConfig({name: 'interrupt-test', title: 'Interrupted', seed: 3, durationSeconds: 7 * 86_400});
let isAnnounced = false;
const result = await recordHeadless({
	config,
	path: file,
	// A 10080-second cast: 100,800 frames, far more than the test waits for.
	speed: 60,
	onProgress({frame}) {
		if (frame >= 20 && !isAnnounced) {
			isAnnounced = true;
			process.stdout.write('recording\n');
		}
	},
});
process.stderr.write(`${result.message}\n`);
process.exitCode = result.exitCode;
