#!/usr/bin/env node
// The `glossa` command: the bundled CLI (in a checkout, `npm run build` first).
process.exitCode = require('../dist/cli.js').main(process.argv.slice(2));
