#!/usr/bin/env node
// Placeholder until the command line lands (issue 4): prints the built-in tour's config.
import {makeConfig} from './sim/index.js';

const config = makeConfig();
process.stdout.write(`scaletop: ${config.title} (seed ${config.seed})\n`);
