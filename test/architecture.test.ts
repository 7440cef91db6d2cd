// The shape of src/ (issue 12): data flows one way, files -> facts -> documents -> HTML -> PDF ->
// outputs, and the folders say so; read from the imports themselves, so a change that breaks the
// direction fails here, naming the import.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import ts from 'typescript';
import { ROOT } from './helpers/run-cli.js';

const SRC = path.join(ROOT, 'src');

/** What each part of src/ may import besides itself; `errors.ts`, `package.ts` and `text/` are ground every part stands on. */
const MAY_IMPORT: Record<string, string[]> = {
  'errors.ts': [],
  'package.ts': [],
  text: [],
  contracts: [],
  fs: [],
  fonts: [],
  facts: ['fs', 'fonts'],
  config: ['contracts', 'fs', 'facts'],
  documents: ['contracts', 'facts'],
  render: ['contracts', 'fs', 'fonts', 'facts', 'documents'],
  pdf: ['contracts'],
  browser: ['contracts', 'fs', 'fonts', 'pdf'],
  proof: ['contracts', 'pdf'],
  editions: ['contracts', 'fs', 'facts', 'documents', 'pdf'],
  batch: ['contracts', 'fs', 'fonts', 'facts', 'documents', 'render', 'browser', 'pdf', 'proof', 'editions'],
  preview: ['contracts', 'fs', 'fonts', 'facts', 'documents', 'render'],
  authoring: ['fs'],
  cli: ['contracts', 'fs', 'fonts', 'facts', 'documents', 'render', 'browser', 'pdf', 'proof', 'editions', 'batch', 'config', 'preview', 'authoring'],
  'index.ts': ['contracts', 'fs', 'fonts', 'facts', 'documents', 'render', 'browser', 'pdf', 'proof', 'editions', 'batch', 'config', 'preview', 'authoring'],
};
const GROUND = ['errors.ts', 'package.ts', 'text'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The part of src/ a file belongs to: its top folder, or the file itself at the top. */
const partOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

/** Every relative import of a file (static, `export from`, dynamic, `import type`), resolved. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')));
}

test('every import of src/ goes the one way: no part imports a part that comes after it', () => {
  const wrong: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = partOf(file);
    const allowed = MAY_IMPORT[from];
    assert.ok(allowed, `src/${from} is a part of src/ the direction does not know: add it to MAY_IMPORT`);
    for (const target of importsOf(file)) {
      const to = partOf(target);
      if (to !== from && !GROUND.includes(to) && !allowed.includes(to)) wrong.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`);
    }
  }
  assert.equal(wrong, []);
});

test('the parts of src/ import each other without a cycle', () => {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    for (const target of importsOf(file)) {
      const [from, to] = [partOf(file), partOf(target)];
      if (from !== to && !GROUND.includes(to)) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const cycles: string[] = [];
  const visit = (part: string, trail: string[]) => {
    if (trail.includes(part)) return void cycles.push([...trail.slice(trail.indexOf(part)), part].join(' -> '));
    for (const next of edges.get(part) ?? []) visit(next, [...trail, part]);
  };
  for (const part of edges.keys()) visit(part, []);
  assert.equal(cycles, []);
});

test('no folder of src/ is named like build output, and no source file is over 300 lines (the schema\'s declarations aside)', () => {
  const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.equal(folders.filter((name) => ['build', 'dist', 'out', 'output', 'lib'].includes(name)), []);
  const long = sourceFiles(SRC)
    .filter((file) => path.relative(SRC, file) !== path.join('facts', 'schema.ts'))
    .map((file) => [path.relative(ROOT, file), readFileSync(file, 'utf8').split('\n').length] as const)
    .filter(([, lines]) => lines > 300);
  assert.equal(long, []);
});

/** Where src/ files import each other inside one folder, as file -> files. */
function importsWithinFolders(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const folder = path.dirname(file);
    graph.set(file, importsOf(file).filter((target) => path.dirname(target) === folder));
  }
  return graph;
}

test('no two files of a folder import each other, however far round (issue 17)', () => {
  const graph = importsWithinFolders();
  const cycles = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (trail.includes(file)) {
      const loop = trail.slice(trail.indexOf(file)).map((f) => path.relative(SRC, f));
      // One name per cycle, whichever file it was entered from.
      const start = loop.indexOf([...loop].sort()[0]!);
      return void cycles.add([...loop.slice(start), ...loop.slice(0, start), loop[start]].join(' -> '));
    }
    if (trail.length > 40) return;
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
  };
  for (const file of graph.keys()) visit(file, []);
  assert.equal([...cycles], []);
});

/** Every function of a source file (declarations, methods, arrows, expressions) with its first line and length in lines. */
function functionsOf(file: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = (node as { name?: ts.Node }).name;
      found.push({ name: named ? named.getText(source) : '(anonymous)', line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Modules of src/pdf that may look at PDF bytes or text themselves (issue 17), each with why. */
const READS_PDF_TEXT: Record<string, string> = {
  'pdf-lexer.ts': 'the lexer: file bytes as text, read into tokens',
  'content-lexer.ts': "the content lexer: a page's operators read from its bytes",
  'text-lexer.ts': "a font's ToUnicode CMap and a text operator's strings and numbers, read from their bytes (issue 19)",
  'xmp.ts': 'escapes XML and writes the date of the XMP packet; it reads no PDF',
  'link-words.ts': "words from a link destination's name once decoded, not from PDF bytes",
};
/** String methods that search text, and what they would search for if they searched PDF syntax: a name, a bracket, a keyword, a reference. */
const SEARCHES = new Set(['includes', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'search', 'match', 'matchAll', 'replace', 'replaceAll', 'split']);
const PDF_SYNTAX = /^\/[A-Za-z]|<<|>>|\b(?:obj|endobj|stream|endstream|xref|trailer|startxref|BDC|BMC|EMC|BT|ET|BI|ID|EI)\b|\d\s+\d+\s+R\b/;

/** What in a module reads PDF bytes or text other than through the lexer: regular expressions, bytes decoded as text, searches for PDF syntax. */
function textReadingOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(`${where(node)} a regular expression ${node.getText()}`);
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') found.push(`${where(node)} a regular expression built`);
    if (ts.isIdentifier(node) && ['TextDecoder', 'latin1Slice', 'asciiSlice', 'binarySlice'].includes(node.text)) found.push(`${where(node)} bytes decoded as text (${node.text})`);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first] = node.arguments;
      if (method === 'toString' && first && ts.isStringLiteral(first)) found.push(`${where(node)} bytes decoded as text (toString('${first.text}'))`);
      if (method === 'fromCharCode' && node.arguments.some(ts.isSpreadElement)) found.push(`${where(node)} bytes decoded as text (fromCharCode(...))`);
      if (SEARCHES.has(method) && first && ts.isStringLiteralLike(first) && PDF_SYNTAX.test(first.text)) found.push(`${where(node)} a search for PDF syntax (${method}('${first.text}'))`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no function of src/ is over 80 lines (issue 17)', () => {
  const long = sourceFiles(SRC).flatMap((file) =>
    functionsOf(file)
      .filter((f) => f.lines > 80)
      .map((f) => `${path.relative(ROOT, file)}:${f.line} ${f.name}: ${f.lines} lines`),
  );
  assert.equal(long, []);
});

/** Comparisons of a layout, format or kind name, and restated unions of them: the table's to answer (contracts/layouts.ts). */
const LAYOUT_LITERALS = [
  /(?:===|!==)\s*['"](?:brief|one-pager|html|pdf)['"]/,
  /['"](?:brief|one-pager|html|pdf)['"]\s*(?:===|!==)/,
  /['"]one-pager['"]/,
  /['"](?:brief|one-pager)['"]\s*\|/,
  /endsWith\(\s*['"][^'"]*(?:brief|one-pager|html|pdf)['"]\s*\)/,
  /case\s+['"](?:brief|one-pager|html|pdf)['"]/,
];

test('nothing outside the layout table asks which layout, format or kind a document is by its name (issue 17)', () => {
  const table = path.join(SRC, 'contracts', 'layouts.ts');
  const asked: string[] = [];
  for (const file of sourceFiles(SRC).filter((f) => f !== table)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (LAYOUT_LITERALS.some((pattern) => pattern.test(line))) asked.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.equal(asked, []);
});

test('render is handed a view: no file of src/render reads the Facts (issue 17)', () => {
  const facts = path.join(SRC, 'facts', 'facts.ts');
  const readers = sourceFiles(path.join(SRC, 'render')).filter((file) => importsOf(file).includes(facts));
  assert.equal(readers.map((file) => path.relative(ROOT, file)), []);
});

test('the PDF file editor reads files only through its lexer: no other module of src/pdf matches patterns on PDF text or decodes its bytes', () => {
  const pdf = path.join(SRC, 'pdf');
  for (const name of Object.keys(READS_PDF_TEXT)) assert.ok(sourceFiles(pdf).includes(path.join(pdf, name)), `src/pdf/${name} is allowed to read text but does not exist`);
  const found = sourceFiles(pdf)
    .filter((file) => !(path.relative(pdf, file) in READS_PDF_TEXT))
    .flatMap(textReadingOf);
  assert.equal(found, []);
});

test('src/pdf and src/browser reach each other only through index.ts, and src/batch reaches either only through it', () => {
  const faces = ['pdf', 'browser'];
  const wrong: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = partOf(file);
    if (![...faces, 'batch'].includes(from)) continue;
    for (const target of importsOf(file)) {
      const to = partOf(target);
      if (to !== from && faces.includes(to) && path.relative(path.join(SRC, to), target) !== 'index.ts') wrong.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`);
    }
  }
  assert.equal(wrong, []);
});

test.run();
