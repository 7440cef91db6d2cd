import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../helpers/run-cli.js';

// Help is laid out by yargs with string-width, which the CLI bundle loads only when help is asked
// for (scripts/bundle.mjs): it must still measure every line.
test('help lays out every command in two columns, wrapped at 100 characters', () => {
  const { code, stdout } = runCli(['--help']);
  assert.is(code, 0);
  const lines = stdout.split('\n');
  assert.ok(lines.every((line) => line.length <= 100), 'no line wider than the wrap');
  const commands = lines.filter((line) => /^ {2}brief \w/.test(line));
  const names = commands.map((line) => /^ {2}brief (\S+(?: [[<]\S+)*)/.exec(line)![1]);
  assert.equal(names, ['check', 'build', 'assemble <shards..>', 'watch', 'list [what]', 'schema', 'config', 'init <dir>', 'preview', 'templates', 'migrate', 'diff <old> <new>', 'completion'], stdout);
  const column = (line: string) => /^ {2}brief \S+(?: [[<]\S+)* +/.exec(line)![0].length;
  const columns = new Set(commands.map(column));
  assert.is(columns.size, 1, `descriptions start in one column: ${[...columns].join(', ')}`);
  const [at] = columns;
  // A description too long for one line goes on below, under itself.
  const continued = lines.filter((line, i) => i > 0 && commands.includes(lines[i - 1]!) && /^ {10,}\S/.test(line));
  assert.ok(continued.length > 0 && continued.every((line) => line.length - line.trimStart().length === at), continued.join('\n'));
});

test.run();
