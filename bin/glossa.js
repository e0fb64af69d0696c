#!/usr/bin/env node
// The `glossa` command: the bundled CLI (in a checkout, `npm run build` first).
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
