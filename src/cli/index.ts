#!/usr/bin/env node
// The `coinme-sdk` executable: wires the real process to `run`.
import { run } from './run.js';

// Output piped into `head` closes early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  fetch: (input, init) => globalThis.fetch(input, init),
  env: process.env,
});
