#!/usr/bin/env node
// Parses the bundled labels files once, at build time, into dist/render/bundled-labels.json
// (src/render/labels-cache.ts): parsing them with positions at run time cost every build ~200 ms
// before its print skeleton was ready. A file whose text changes after the build is parsed again.
import { readdirSync, writeFileSync } from 'node:fs';
import { LABELS_CACHE_FILE, makeLabelsCache } from '../dist/render/labels-cache.js';
import { BUNDLED_TEMPLATES } from '../dist/package.js';
import { LANGUAGES_FOLDER } from '../dist/render/label-languages.js';
import { LABELS_FILE } from '../dist/render/template-set.js';

const translations = readdirSync(`${BUNDLED_TEMPLATES}/${LANGUAGES_FOLDER}`)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => `${LANGUAGES_FOLDER}/${name}`);
writeFileSync(LABELS_CACHE_FILE, JSON.stringify(makeLabelsCache(BUNDLED_TEMPLATES, LABELS_FILE, translations)));
