import type { Kysely } from 'kysely';

// Template clusters and the link graph (issue 5). Only text, integer and real columns, as everywhere.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cluster_sketch')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('item.id'))
    .addColumn('cluster_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text')
    .addColumn('whole', 'integer')
    .execute();
  await db.schema.createIndex('cluster_sketch_cluster_idx').on('cluster_sketch').columns(['cluster_id', 'item_id']).execute();
  await db.schema.createIndex('cluster_sketch_whole_idx').on('cluster_sketch').column('whole').execute();

  await db.schema
    .createTable('cluster_band')
    .addColumn('band_key', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id'))
    .addPrimaryKeyConstraint('cluster_band_pk', ['band_key', 'item_id'])
    .execute();

  await db.schema
    .createTable('template_cluster')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('quality', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('network')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('entity_count', 'integer', (c) => c.notNull())
    .addColumn('site_count', 'integer', (c) => c.notNull())
    .addColumn('city_count', 'integer', (c) => c.notNull())
    .addColumn('name_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list sorts by size and by recency.
  await db.schema.createIndex('network_size_idx').on('network').columns(['item_count', 'id']).execute();
  await db.schema.createIndex('network_last_seen_idx').on('network').columns(['last_seen', 'id']).execute();

  await db.schema
    .createTable('network_item')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('item.id'))
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('city_id', 'text')
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    .addColumn('signals', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_item_network_idx').on('network_item').columns(['network_id', 'item_id']).execute();

  await db.schema
    .createTable('network_link')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id'))
    .addPrimaryKeyConstraint('network_link_pk', ['type', 'value', 'item_id'])
    .execute();
  await db.schema.createIndex('network_link_item_idx').on('network_link').columns(['item_id', 'type', 'value']).execute();

  await db.schema
    .createTable('network_hub')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('site_count', 'integer', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_hub_pk', ['type', 'value'])
    .execute();

  await db.schema
    .createTable('network_pdq')
    .addColumn('key', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_pdq_pk', ['key', 'hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['network_pdq', 'network_hub', 'network_link', 'network_item', 'network', 'template_cluster', 'cluster_band', 'cluster_sketch']) {
    await db.schema.dropTable(t).execute();
  }
}
