// The real CLI from source (src/cli/main.ts), so child-process tests need no compiled dist/.
import { main } from '../../../src/cli/main.js';

await main(process.argv.slice(2));
