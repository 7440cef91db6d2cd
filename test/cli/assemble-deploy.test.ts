// The examples of building on many machines (issue 14) parse as YAML and run the real CLI: the
// GitHub Actions workflow (a matrix of shards, then an assembling job) and the Kubernetes Indexed
// Job with its assembling Job. Every flag they pass is one the command's help lists.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse, parseAllDocuments } from 'yaml';
import { finished, spawnBrief } from '../batch/helpers/build-fixture.js';
import { ROOT } from '../helpers/run-cli.js';

const read = async (file: string) => readFile(path.join(ROOT, file), 'utf8');

/** A YAML file's only document, failing on any syntax error or warning. */
async function parseYaml(file: string): Promise<any> {
  const docs = parseAllDocuments(await read(file));
  assert.ok(Array.isArray(docs) && docs.length === 1, `${file}: one YAML document`);
  const [doc] = docs as Exclude<typeof docs, { empty: true }>;
  assert.equal([...doc!.errors, ...doc!.warnings].map((e) => e.message), [], file);
  return doc!.toJS();
}

/** The `brief` commands in a shell line, as argv after `brief`. */
function briefCommands(line: string): string[][] {
  return line
    .split(/&&|;|\n/)
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0] === 'brief' || (words[0] === 'node' && words[1] === 'bin/brief.js'))
    .map((words) => words.slice(words[0] === 'brief' ? 1 : 2));
}

/** Fails unless every flag of the command is one `brief <command> --help` lists. */
async function assertRealFlags(argv: string[], where: string): Promise<void> {
  const [command] = argv;
  const help = await finished(spawnBrief([command!, '--help']));
  assert.is(help.code, 0, help.stderr);
  // Only the options list: a description may mention another command's flag.
  const known = new Set([...help.stdout.matchAll(/^ {2}(?:-\w, | {4})--([a-z][a-z-]*) /gm)].map((m) => m[1]));
  assert.ok(known.has('out') && known.has('help'), `the options of brief ${command} are read from its help`);
  for (const flag of argv.filter((word) => word.startsWith('--')).map((word) => word.slice(2).split('=')[0]!)) {
    assert.ok(known.has(flag), `${where}: brief ${command} has no --${flag}`);
  }
}

test('the GitHub Actions workflow builds a matrix of N shards, each uploaded, then assembles what it downloads', async () => {
  const workflow = await parseYaml('.github/workflows/briefs.yml');
  const shards = Number(workflow.env.SHARDS);
  assert.is(shards, 4);
  const { shard, assemble } = workflow.jobs;
  assert.equal(shard.strategy.matrix.shard, [1, 2, 3, 4], 'one job per shard, K = 1..N');
  const shardRuns: string[] = shard.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run);
  assert.equal(shardRuns, ['bash scripts/setup.sh', 'node bin/brief.js build --shard ${{ matrix.shard }}/${{ env.SHARDS }} --out shards/shard-${{ matrix.shard }}']);
  const upload = shard.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact@'));
  assert.equal(upload.with, { name: 'shard-${{ matrix.shard }}', path: 'shards/shard-${{ matrix.shard }}', 'if-no-files-found': 'error', 'retention-days': 1 });

  assert.is(assemble.needs, 'shard');
  const download = assemble.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/download-artifact@'));
  assert.equal(download.with, { pattern: 'shard-*', path: 'shards' });
  const assembleRuns: string[] = assemble.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run);
  assert.equal(assembleRuns, ['bash scripts/setup.sh', 'node bin/brief.js assemble shards/shard-* --out output --zip']);
  const published = assemble.steps.filter((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact@')).at(-1);
  assert.match(published.with.path, 'output/briefing-pack.pdf');

  for (const line of [...shardRuns, ...assembleRuns]) {
    for (const argv of briefCommands(line.replace(/\$\{\{ matrix\.shard \}\}/g, '1').replace(/\$\{\{ env\.SHARDS \}\}/g, String(shards)))) {
      await assertRealFlags(argv, '.github/workflows/briefs.yml');
      if (argv[0] === 'build') assert.equal(argv.slice(1, 3), ['--shard', `1/${shards}`]);
    }
  }
});

test('the Kubernetes example: an Indexed Job of N pods each building shard JOB_COMPLETION_INDEX+1 of N into a shared volume, then an assembling Job', async () => {
  const shardsJob = await parseYaml('deploy/k8s/shards-job.yaml');
  assert.is(shardsJob.kind, 'Job');
  assert.is(shardsJob.spec.completionMode, 'Indexed');
  const [pod] = shardsJob.spec.template.spec.containers;
  const shards = Number(pod.env.find((e: { name: string }) => e.name === 'SHARDS').value);
  assert.is(shardsJob.spec.completions, shards, 'completions is N');
  assert.is(shardsJob.spec.parallelism, shards);
  assert.equal(pod.command, ['sh', '-c']);
  assert.equal(pod.args, ['brief build --shard $((JOB_COMPLETION_INDEX+1))/$SHARDS --out /shared/shard-$((JOB_COMPLETION_INDEX+1))']);

  const assembleJob = await parseYaml('deploy/k8s/assemble-job.yaml');
  assert.is(assembleJob.kind, 'Job');
  const [assembler] = assembleJob.spec.template.spec.containers;
  assert.equal(assembler.args, ['brief assemble /shared/shard-* --out /shared/output --zip']);
  const claims = [shardsJob, assembleJob].map((job) => job.spec.template.spec.volumes[0].persistentVolumeClaim.claimName);
  const volume = await parseYaml('deploy/k8s/shared-volume.yaml');
  assert.equal(claims, [volume.metadata.name, volume.metadata.name], 'both Jobs mount the one shared volume');
  assert.equal(volume.spec.accessModes, ['ReadWriteMany']);

  for (const line of [...pod.args, ...assembler.args]) {
    // The shell works out the index: pod 0 builds shard 1.
    const argv = briefCommands(line.replace(/\$\(\(JOB_COMPLETION_INDEX\+1\)\)/g, '1').replace(/\$SHARDS/g, String(shards)));
    assert.is(argv.length, 1, line);
    await assertRealFlags(argv[0]!, 'deploy/k8s');
  }
  // The image the Jobs run puts the CLI on the PATH as `brief`.
  assert.match(await read('deploy/Dockerfile'), 'ln -s /app/bin/brief.js /usr/local/bin/brief');
});

test('a flag the CLI does not have is caught by the check', async () => {
  let caught = '';
  try {
    await assertRealFlags(['assemble', 'shards', '--shard', '1/4'], 'a bad example');
  } catch (error) {
    caught = (error as Error).message;
  }
  assert.is(caught, 'a bad example: brief assemble has no --shard');
  assert.equal(parse('a: 1'), { a: 1 });
});

test.run();
