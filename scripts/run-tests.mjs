#!/usr/bin/env node
// Runs the uvu suite and ends with the plain line CI reads: "N passed, N failed, N skipped".
import { spawn } from 'node:child_process';

const args = ['uvu', '-r', 'tsx', 'test', '\\.test\\.ts$', ...process.argv.slice(2)];
const child = spawn('npx', args, { stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, FORCE_COLOR: '0' } });
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code, signal) => {
  const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(output)?.[1] ?? 0);
  const total = count('Total');
  const passed = count('Passed');
  const skipped = count('Skipped');
  const failed = Math.max(0, total - passed - skipped);
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  const runnerFailed = code === null ? Boolean(signal) : code !== 0;
  process.exitCode = runnerFailed || failed > 0 || total === 0 ? 1 : 0;
});
