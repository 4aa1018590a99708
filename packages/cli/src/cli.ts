#!/usr/bin/env node
// `channelkit`: the command line. Everything is in runCli; this file only connects it to the process.
import { runCli } from './program';

runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`channelkit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
