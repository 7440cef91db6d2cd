// pdf-lib, loaded from the single-file build it publishes. Importing the package itself makes Node
// read its CommonJS tree file by file and scan each for exports: ~176 ms here, against ~40 ms for
// requiring dist/pdf-lib.min.js, on the path of every build that makes a pack. Every value from
// pdf-lib comes from here, so that instanceof checks see one copy of its classes.
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';

export const pdfLib = createRequire(import.meta.url)('pdf-lib/dist/pdf-lib.min.js') as typeof PdfLib;
