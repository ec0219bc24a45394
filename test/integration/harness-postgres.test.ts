import { Client } from 'pg';
import {
  startPostgres,
  testDatabaseIds,
  type PostgresServer,
} from '../harness';

const VARIABLE = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

describe('harness PostgreSQL', () => {
  let server: PostgresServer | undefined;

  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  it('starts a throwaway PostgreSQL 15 that answers queries', async () => {
    server = await startPostgres();
    expect(server.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+$/);
    const client = new Client({ connectionString: server.url });
    await client.connect();
    try {
      const one = await client.query('select 1 as one');
      expect(one.rows).toEqual([{ one: 1 }]);
      const version = await client.query('show server_version');
      expect(version.rows[0].server_version).toMatch(/^15\./);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('stops cleanly and refuses connections afterwards', async () => {
    const other = await startPostgres();
    await other.stop();
    const client = new Client({
      connectionString: other.url,
      connectionTimeoutMillis: 2_000,
    });
    await expect(client.connect()).rejects.toThrow();
  }, 120_000);

  describe('testDatabaseIds', () => {
    const saved = { url: process.env[VARIABLE], ci: process.env.CI };
    afterEach(() => {
      for (const [key, value] of [
        [VARIABLE, saved.url],
        ['CI', saved.ci],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it('adds POSTGRES_15 when the connection string is set', () => {
      process.env[VARIABLE] = 'postgresql://postgres@127.0.0.1:5432';
      expect(testDatabaseIds()).toEqual(['SQLITE_3', 'POSTGRES_15']);
    });

    it('warns and falls back to SQLite outside CI', () => {
      delete process.env[VARIABLE];
      process.env.CI = 'false';
      const warn = jest
        .spyOn(console, 'warn')
        .mockImplementation(() => undefined);
      try {
        expect(testDatabaseIds()).toEqual(['SQLITE_3']);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('SKIPPED'));
      } finally {
        warn.mockRestore();
      }
    });

    it('throws under CI when the connection string is missing', () => {
      delete process.env[VARIABLE];
      process.env.CI = 'true';
      expect(() => testDatabaseIds()).toThrow(
        /BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING.*CI must test PostgreSQL/s,
      );
    });
  });
});
