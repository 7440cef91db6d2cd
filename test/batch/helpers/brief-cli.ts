// The real CLI from source (src/cli/main.ts), so child-process tests need no compiled dist/; it
// ends as bin/brief.js does, once the command has finished and reported.
import { main } from '../../../src/cli/main.js';

await main(process.argv.slice(2));
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit();
