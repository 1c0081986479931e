/**
 * The program the sandbox runs: a preamble (result channel on fd 3, network switched off as far as
 * Node 20 allows, since its permission model has no network switch), the candidate's code, then
 * each test through direct `eval`, so a test sees the candidate's declarations and a broken test
 * fails alone. A test passes when it neither throws nor evaluates to `false`.
 */
export function buildTestProgram(candidate: string, tests: readonly string[]): string {
  const preamble = `const __batonReport = ((fs) => (result) => { try { fs.writeSync(3, JSON.stringify(result) + '\\n'); } catch {} })(require('node:fs'));
const __batonAssert = require('node:assert');
(() => {
  const deny = () => { throw new Error('network access is disabled in the baton sandbox'); };
  for (const name of ['fetch', 'WebSocket', 'EventSource']) { try { Object.defineProperty(globalThis, name, { value: deny, writable: false, configurable: false }); } catch {} }
  const net = require('node:net');
  net.Socket.prototype.connect = deny; net.connect = deny; net.createConnection = deny;
  require('node:dgram').createSocket = deny;
  const dns = require('node:dns'); dns.lookup = deny; dns.resolve = deny; dns.promises.lookup = deny;
})();
`;
  const runner = `
;(async (__batonTests) => {
  for (let index = 0; index < __batonTests.length; index += 1) {
    try {
      let result = ((assert) => eval(__batonTests[index]))(__batonAssert);
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') result = await result;
      if (result === false) throw new Error('the test evaluated to false');
      __batonReport({ index, ok: true });
    } catch (error) {
      __batonReport({ index, ok: false, message: String(error && error.message !== undefined ? error.message : error).slice(0, 300) });
    }
  }
  __batonReport({ done: true });
})(${JSON.stringify(tests)});
`;
  return `${preamble}${candidate}\n${runner}`;
}
