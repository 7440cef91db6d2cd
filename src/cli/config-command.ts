import type { CommandModule } from 'yargs';
import type { LoadedConfig } from '../config/load-config.js';
import { describeAudience, type Audience } from '../contracts/audience.js';
import type { GlobalArgs } from './global-args.js';
import { RUN_DEFAULTS } from '../contracts/run-defaults.js';
import { say } from './output.js';

interface ConfigArgs extends GlobalArgs {
  json: boolean;
}

/** `brief config`, told which config file main() read. */
export const configCommand = (config: LoadedConfig | undefined, argv: string[]): CommandModule<GlobalArgs, ConfigArgs> => ({
  command: 'config',
  describe: 'Show the settings in force and where each comes from (flag, environment, config file, default)',
  builder: (y) =>
    y
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
      .example('$0 config', 'which config file is used, and each setting')
      .example('BRIEF_PAPER=letter $0 config --json', 'see an environment variable win over the config file'),
  handler: async (args) => {
    const [{ CONFIG_KEYS, describeSettings }, { Parser }] = await Promise.all([import('../config/describe-settings.js'), import('yargs/helpers')]);
    // Which keys the command line gave, read by yargs' own parser without the environment or the
    // config file, so `--no-allow-remote` and `--paper=letter` count as flags as yargs reads them.
    const flags = new Set(Object.keys(Parser(argv)));
    const given = config ? { ...config.settings, ...(config.audiences ? { audiences: config.audiences } : {}) } : undefined;
    // A run applies its defaults as it starts (RUN_DEFAULTS): shown here as the value in force.
    const settings = describeSettings(args as unknown as Record<string, unknown>, flags, process.env, given, { paper: RUN_DEFAULTS.paper });
    // An audience is shown as written, without where the file gives it.
    if (settings.audiences?.value) settings.audiences.value = (settings.audiences.value as Audience[]).map(describeAudience);
    if (args.json) {
      say.json({ configFile: config?.file ?? null, settings });
      return;
    }
    say.info(`config file: ${config?.file ?? '(none)'}`);
    for (const key of CONFIG_KEYS) {
      const s = settings[key];
      if (s) say.info(`${key.padEnd(18)} ${JSON.stringify(s.value) ?? '(unset)'}  (${s.from})`);
    }
  },
});
