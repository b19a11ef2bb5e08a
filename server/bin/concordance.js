#!/usr/bin/env node
// Thin launcher: the CLI itself is the esbuild bundle built by `npm run build`.
'use strict';
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', '..', 'out', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`concordance: ${bundle} is missing; run "npm run build" in the project folder first\n`);
  process.exit(2);
}
require(bundle);
