/**
 * Node flags that confine a program to `dir`: the permission model (`--experimental-permission` up
 * to Node 22.12, `--permission` after) with file reads and writes allowed only there and, by
 * omission, no child processes, workers, native addons or WASI; plus a V8 heap limit.
 */
export function nodeSandboxFlags(dir: string, memoryMb: number, version: string = process.versions.node): string[] {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const stable = major > 22 || (major === 22 && minor >= 13);
  return [
    stable ? '--permission' : '--experimental-permission',
    `--allow-fs-read=${dir}`,
    `--allow-fs-write=${dir}`,
    `--max-old-space-size=${memoryMb}`,
    '--no-warnings',
  ];
}
