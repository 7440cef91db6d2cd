#!/usr/bin/env node
// The CLI as one bundle (scripts/bundle.mjs): it starts faster than the modules tsc writes.
import { main } from '../dist/brief-cli.js';

await main(process.argv.slice(2));
// The command has finished and reported (watch and preview return only once stopped): end here,
// so no handle left open (a socket to an endpoint that never answered, a timer) keeps it waiting.
// Exit handlers still run: they kill any browser and remove the run's temporary folder.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit();
