// Fonts from the project only (issue 11): the browser's fontconfig is given a configuration that
// names one folder holding the bundled Noto Sans, so no font of the machine is ever chosen, by name
// (a stylesheet asking for "DejaVu Sans") or as the fallback for a character the page's fonts lack.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeWoff } from '../fonts/decode-woff.js';
import { readFontSlices } from '../fonts/font-slices.js';

/** The folder inside a browser profile that holds its fonts, their configuration and fontconfig's cache. */
const PRIVATE_FONTS_FOLDER = 'brief-fonts';

/** What fontconfig is handed: a face fontconfig can read, named after the slice it comes from. */
interface FallbackFace {
  name: string;
  bytes: Buffer;
}

let faces: Promise<FallbackFace[]> | undefined;

/**
 * Noto Sans regular, every slice, as TrueType: fontconfig reads neither WOFF nor WOFF2 (with only
 * those in its folder Chromium drew no text at all), so the slices' WOFF 1.0 twins are unwrapped.
 * All of its slices, not only Latin, so that text whose stylesheet names no bundled family (say
 * "Arial") still gets its Greek, Cyrillic or Devanagari drawn. Decoded once per process.
 */
function readFallbackFaces(): Promise<FallbackFace[]> {
  faces ??= Promise.all(
    readFontSlices()
      .filter((s) => s.family === 'Noto Sans' && s.weight === 400 && s.style === 'normal')
      .map(async (s) => ({
        name: `${path.basename(s.file, '.woff2')}.ttf`,
        bytes: decodeWoff(await readFile(s.file.replace(/\.woff2$/, '.woff'))),
      })),
  );
  // A failure is not kept: the next launch tries again.
  faces.catch(() => {
    faces = undefined;
  });
  return faces;
}

/** Text safe inside an XML element. */
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes the private fonts into `profile` (which the browser's owner removes with it) and returns
 * the environment to launch the browser with: `env` with FONTCONFIG_FILE naming their configuration.
 */
export async function preparePrivateFonts(profile: string, env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  const root = path.join(profile, PRIVATE_FONTS_FOLDER);
  const folder = path.join(root, 'faces');
  const config = path.join(root, 'fonts.conf');
  const [fallback] = await Promise.all([readFallbackFaces(), mkdir(folder, { recursive: true })]);
  await Promise.all([
    ...fallback.map((face) => writeFile(path.join(folder, face.name), face.bytes)),
    writeFile(
      config,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        '<fontconfig>',
        `  <dir>${xmlText(folder)}</dir>`,
        // fontconfig writes its cache here, not in $HOME: it goes when the profile does.
        `  <cachedir>${xmlText(path.join(root, 'cache'))}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    ),
  ]);
  const browserEnv: NodeJS.ProcessEnv = { ...env, FONTCONFIG_FILE: config };
  // FONTCONFIG_SYSROOT would be put in front of every path above; FONTCONFIG_PATH has nothing to add.
  delete browserEnv.FONTCONFIG_SYSROOT;
  delete browserEnv.FONTCONFIG_PATH;
  return browserEnv;
}
