import { firstLine, toPlainConfig, type PlainConfig } from './plain-config.js';

/** A config module's settings, or a sentence saying what went wrong. */
export type ConfigAnswer = PlainConfig;

/** Imports a config module by URL and reads its default export as plain data; never throws. */
export async function readConfigModule(url: string): Promise<ConfigAnswer> {
  let module: Record<string, unknown>;
  try {
    module = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    return { problem: firstLine(error) };
  }
  try {
    // `export default somePromise` means its value; one that never settles meets the deadline.
    const exported: unknown = await module.default;
    return toPlainConfig(exported, 'default' in module);
  } catch (error) {
    return { problem: `reading its default export threw: ${firstLine(error)}` };
  }
}
