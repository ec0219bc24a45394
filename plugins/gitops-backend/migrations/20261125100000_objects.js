/**
 * Objects of the platform, their scheduling, reconcile history and events.
 * Times are epoch milliseconds (bigint) so SQLite and PostgreSQL compare them the same way.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gitops_objects', table => {
    table.increments('id');
    table.string('cluster', 253).notNullable();
    table.string('kind', 63).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('name', 253).notNullable();
    table.string('api_version', 253).notNullable();
    table.text('spec').notNullable();
    table.text('labels').notNullable();
    table.text('annotations').notNullable();
    table.integer('generation').notNullable().defaultTo(1);
    table.boolean('suspended').notNullable().defaultTo(false);
    table.text('status').notNullable();
    table.string('origin', 1024).notNullable().comment("'config' or the id of the Kustomization that registered it");
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['cluster', 'kind', 'namespace', 'name'], { indexName: 'gitops_objects_identity' });
    table.index(['origin'], 'gitops_objects_origin');
  });

  await knex.schema.createTable('gitops_work_items', table => {
    table.integer('object_id').primary().references('id').inTable('gitops_objects').onDelete('CASCADE');
    table.bigInteger('next_run_at').notNullable();
    table.string('requested_at', 64).nullable().comment('pending reconcile.fluxcd.io/requestedAt');
    table.string('requested_by', 512).nullable();
    table.string('lease_owner', 255).nullable();
    table.bigInteger('lease_expires_at').nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('last_reconciled_at').nullable();
    table.index(['next_run_at'], 'gitops_work_items_due');
  });

  await knex.schema.createTable('gitops_history', table => {
    table.increments('id');
    table.integer('object_id').notNullable().references('id').inTable('gitops_objects').onDelete('CASCADE');
    table.string('revision', 512).nullable();
    table.string('result', 16).notNullable();
    table.string('reason', 128).notNullable();
    table.text('message').notNullable();
    table.string('trigger', 16).notNullable();
    table.string('triggered_by', 512).nullable();
    table.bigInteger('started_at').notNullable();
    table.integer('duration_ms').notNullable();
    table.text('change_set').nullable();
    table.index(['object_id', 'started_at'], 'gitops_history_object');
  });

  await knex.schema.createTable('gitops_events', table => {
    table.increments('id');
    table.integer('object_id').notNullable().references('id').inTable('gitops_objects').onDelete('CASCADE');
    table.string('severity', 16).notNullable();
    table.string('reason', 128).notNullable();
    table.text('message').notNullable();
    table.string('revision', 512).nullable();
    table.bigInteger('created_at').notNullable();
    table.index(['object_id', 'created_at'], 'gitops_events_object');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gitops_events');
  await knex.schema.dropTable('gitops_history');
  await knex.schema.dropTable('gitops_work_items');
  await knex.schema.dropTable('gitops_objects');
};
