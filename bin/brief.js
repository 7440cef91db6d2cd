#!/usr/bin/env node
// The CLI as one bundle (scripts/bundle.mjs): it starts faster than the modules tsc writes.
import { main } from '../dist/brief-cli.js';

main(process.argv.slice(2));
