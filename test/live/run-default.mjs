// Opens the live dashboard on makeConfig() (the built-in default scenario) from the built
// dist/, for tests and manual checks while the built-in presets are still landing.
// Usage: node test/live/run-default.mjs [desired] [speed]
import {runLive} from '../../dist/live/run-live.js';
import {makeConfig} from '../../dist/sim/index.js';

const desired = Number(process.argv[2] ?? 2);
const speed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const config = makeConfig({name: 'default', title: 'Default scenario', autoScaling: {desired, max: Math.max(4, desired), min: 1}});
process.exitCode = (await runLive({config, speed})).exitCode;
