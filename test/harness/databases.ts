export type TestDatabaseId = 'SQLITE_3' | 'POSTGRES_15';

const POSTGRES_URL_VARIABLE =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
let warned = false;

function isCi(): boolean {
  const ci = process.env.CI;
  return !!ci && ci !== 'false' && ci !== '0';
}

/**
 * Database ids for @backstage/backend-test-utils' TestDatabases: always SQLite, plus PostgreSQL 15 when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set. Under CI a missing URL is an error.
 */
export function testDatabaseIds(): TestDatabaseId[] {
  if (process.env[POSTGRES_URL_VARIABLE]) return ['SQLITE_3', 'POSTGRES_15'];
  const message =
    `${POSTGRES_URL_VARIABLE} is not set, so PostgreSQL 15 database tests are SKIPPED (SQLite only). ` +
    `Start one with: export ${POSTGRES_URL_VARIABLE}=$(scripts/start-postgres.sh "$(mktemp -d)")`;
  if (isCi()) throw new Error(`${message} CI must test PostgreSQL.`);
  if (!warned) {
    warned = true;
    // eslint-disable-next-line no-console
    console.warn(`\n${'!'.repeat(100)}\n!!! ${message}\n${'!'.repeat(100)}\n`);
  }
  return ['SQLITE_3'];
}
