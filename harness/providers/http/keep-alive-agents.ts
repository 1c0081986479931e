import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/** Settings of {@link KeepAliveAgents}. */
export interface KeepAliveAgentOptions {
  /**
   * Idle connections kept open per origin. Default 256. Size it to the calls in flight at once
   * (a model's `limits.concurrency`): a connection closed when idle costs a handshake when the
   * next wave of calls comes.
   */
  readonly maxIdleSockets?: number | undefined;
}

/**
 * Keep-alive agents, one for `http:` and one for `https:`, each pooling connections per origin
 * (Node's agents key their pools by host and port). Connections per origin are unbounded: the
 * harness's connection lane already bounds the calls in flight, and an agent that queued
 * requests would hide that wait inside the measured latency.
 */
export class KeepAliveAgents {
  readonly #maxFreeSockets: number;
  #http: HttpAgent | undefined;
  #https: HttpsAgent | undefined;

  constructor(options: KeepAliveAgentOptions = {}) {
    this.#maxFreeSockets = options.maxIdleSockets ?? 256;
  }

  /** The agent for a URL's protocol, created on first use. */
  agentFor(url: URL): HttpAgent {
    if (url.protocol === 'https:') return (this.#https ??= new HttpsAgent(this.#settings()));
    return (this.#http ??= new HttpAgent(this.#settings()));
  }

  /** Closes every pooled connection; requests in flight are dropped. */
  destroy(): void {
    this.#http?.destroy();
    this.#https?.destroy();
    this.#http = undefined;
    this.#https = undefined;
  }

  #settings() {
    // `timeout` closes idle connections after 4 s, undici's default, before the usual server
    // keep-alive timeout (5 s in Node, more behind load balancers): a request sent on a
    // connection the server is closing fails with ECONNRESET. Node's agent also honours a
    // shorter `Keep-Alive: timeout=N` the server announces.
    return { keepAlive: true, maxSockets: Infinity, maxFreeSockets: this.#maxFreeSockets, timeout: 4_000, scheduling: 'lifo' as const };
  }
}
