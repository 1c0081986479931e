import { fileURLToPath } from 'node:url';

/** Files that ship with baton, resolved from the package, not the working directory. */
export const packagePaths = {
  suites: fileURLToPath(new URL('../suites', import.meta.url)),
  fleet: fileURLToPath(new URL('../baton.config.yaml', import.meta.url)),
};
