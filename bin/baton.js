#!/usr/bin/env node
// Entry point: the sources are TypeScript run through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

// Plain-JavaScript dependencies that every command loads are imported before tsx's hooks are
// registered: on Node 20 each ES module loaded after that costs a round trip to the hooks
// thread, and these are ~120 files. The TypeScript sources later find them already loaded.
await Promise.all([import('yargs'), import('yargs/helpers'), import('zod')]);
register();
await import('../cli/main.ts');
