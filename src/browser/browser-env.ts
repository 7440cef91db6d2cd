// The environment a launched browser gets: the project's fonts (private-fonts.ts) and a temporary
// folder of its own inside its profile. With --disable-dev-shm-usage Chromium keeps its shared
// memory in files it makes in $TMPDIR and unlinks at once; a browser killed between the two left
// `.org.chromium.Chromium.*` in the machine's temporary folder, where no run removes it. Inside the
// profile it goes with the profile, or with the run folder the next run sweeps.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { preparePrivateFonts } from './private-fonts.js';

/** The temporary folder inside a browser profile. */
const BROWSER_TMP_FOLDER = 'tmp';

/** Writes the profile's fonts and temporary folder; returns `env` as the browser is to see it. */
export async function browserEnvironment(profile: string, env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  const tmp = path.join(profile, BROWSER_TMP_FOLDER);
  const [withFonts] = await Promise.all([preparePrivateFonts(profile, env), mkdir(tmp, { recursive: true })]);
  return { ...withFonts, TMPDIR: tmp };
}
