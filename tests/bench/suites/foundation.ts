import { createWebHost } from '#core/web/server.ts';
import { createCore } from '#core/core.ts';
import { systemClock } from '#core/platform/clock.ts';
import { adminAccount, sampleClinic } from '#tests/support/core-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { percentile, round, sample, type BenchSuite, type Figure } from '../figures.ts';

/** The foundation's own costs: opening a database, a call through the core and over HTTP, sign-in, an audited write. */
export const foundationSuite: BenchSuite = {
  title: 'Foundation',
  run: async () => {
    const temp = makeTempDir('clinic-bench-');
    try {
      const openStarted = process.hrtime.bigint();
      const core = await createCore({ dataDir: temp.path, clock: systemClock, deviceName: 'bench', appVersion: 'bench' });
      const openMs = Number(process.hrtime.bigint() - openStarted) / 1e6;

      const setup = await core.dispatch({ call: 'setup.createClinic', input: { clinic: sampleClinic, admin: adminAccount }, token: null });
      if (!setup.ok) throw new Error(setup.error.message);
      const token = (setup.result as { token: string }).token;

      for (let warm = 0; warm < 200; warm += 1) await core.dispatch({ call: 'clinic.get', input: {}, token });
      const coreCalls = await sample(5000, () => core.dispatch({ call: 'clinic.get', input: {}, token }));

      const signIns = await sample(10, () => core.dispatch({ call: 'auth.signIn', input: { username: adminAccount.username, password: adminAccount.password }, token: null }));

      const clinic = await core.dispatch({ call: 'clinic.get', input: {}, token });
      if (!clinic.ok) throw new Error(clinic.error.message);
      const { id: _id, code: _code, createdAt: _c, updatedAt: _u, ...details } = clinic.result as Record<string, unknown>;
      const writes = await sample(500, (index) =>
        core.dispatch({ call: 'clinic.update', input: { ...details, phone: `+44 117 496 ${String(1000 + index)}` }, token }),
      );

      const app = await createWebHost({ core, rendererDir: null, appVersion: 'bench' });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/api/call/clinic.get`;
      const post = (): Promise<unknown> => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' }).then((response) => response.json());
      for (let warm = 0; warm < 100; warm += 1) await post();
      const httpCalls = await sample(1000, post);
      await app.close();
      await core.close();

      const writeSeconds = writes.reduce((total, ms) => total + ms, 0) / 1000;
      const figures: Figure[] = [
        { name: 'db_open_migrate_ms', value: round(openMs), unit: 'ms', note: 'new database file, every migration' },
        { name: 'api_call_p50_us', value: round(percentile(coreCalls, 0.5) * 1000, 1), unit: 'µs', note: 'clinic.get through the core dispatcher' },
        { name: 'api_call_p95_us', value: round(percentile(coreCalls, 0.95) * 1000, 1), unit: 'µs' },
        { name: 'http_call_p50_ms', value: round(percentile(httpCalls, 0.5), 3), unit: 'ms', note: 'the same call over the web host on 127.0.0.1' },
        { name: 'http_call_p95_ms', value: round(percentile(httpCalls, 0.95), 3), unit: 'ms' },
        { name: 'sign_in_ms', value: round(percentile(signIns, 0.5), 1), unit: 'ms', note: 'argon2id verify, median' },
        { name: 'audited_writes_per_s', value: round(writes.length / writeSeconds, 0), unit: 'writes/s', note: 'clinic.update with its audit row, synchronous=FULL' },
      ];
      return figures;
    } finally {
      temp.remove();
    }
  },
};
