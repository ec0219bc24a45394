/**
 * Source artifacts: deterministic tarballs of a source at one revision, shared by every replica.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gitops_artifacts', table => {
    table.string('digest', 80).primary().comment('sha256:<hex> of the tarball');
    table.string('revision', 512).notNullable();
    table.bigInteger('size').notNullable();
    table.binary('content').notNullable();
    table.bigInteger('created_at').notNullable().comment('epoch milliseconds');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gitops_artifacts');
};
