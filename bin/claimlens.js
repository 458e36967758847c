#!/usr/bin/env node
// Launcher for `npx claimlens`: registers tsx so the TypeScript core runs unbuilt, as in the tests.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
