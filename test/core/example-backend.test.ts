/**
 * examples/backend: a host's own provider over fetch to its own API, checked with the kit's
 * provider contract (segment-kit/testing) end to end over a real loopback server.
 */
import { after, describe, it } from 'node:test';
import type { Server } from 'node:http';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { runProviderContract } from '../../src/testing/index.js';
import { startAcmeApi } from '../../examples/backend/api.js';
import { createAcmeProvider } from '../../examples/backend/provider.js';

const servers: Server[] = [];
after(() => {
  for (const s of servers) s.close();
});

describe('examples/backend: the host provider over its own API passes the provider contract', () => {
  void runProviderContract(
    async (f) => {
      const { url, server } = await startAcmeApi(createMemoryProvider({ catalog: f.catalog, data: f.data, now: f.now }));
      servers.push(server);
      return createAcmeProvider({ baseUrl: url });
    },
    { it },
  );
});
