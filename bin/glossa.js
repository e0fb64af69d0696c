#!/usr/bin/env node
// The `glossa` command: the bundled CLI (run `npm run build` first in a checkout).
require('../dist/cli.js');
