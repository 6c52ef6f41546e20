import type { Kysely } from 'kysely';

// Only text, integer and real columns, so SQLite and PostgreSQL read the same schema.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    .addColumn('title', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text')
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('location_text', 'text')
    .addColumn('price_text', 'text')
    .addColumn('media_refs', 'text', (c) => c.notNull())
    .addColumn('raw_capture_ref', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('ingested_by', 'text', (c) => c.notNull())
    .addColumn('previous_id', 'text')
    .addColumn('language', 'text')
    .addColumn('risk_score', 'real')
    .addColumn('risk_breakdown', 'text')
    .addColumn('analysis_version', 'text')
    .addColumn('analysed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_capture_uq', ['source', 'url', 'content_hash'])
    .execute();
  // Keyset pagination walks these two orders; the filters narrow by site and language.
  await db.schema.createIndex('item_score_idx').on('item').columns(['risk_score', 'id']).execute();
  await db.schema.createIndex('item_captured_idx').on('item').columns(['captured_at', 'id']).execute();
  await db.schema.createIndex('item_site_idx').on('item').columns(['site', 'captured_at']).execute();
  await db.schema.createIndex('item_language_idx').on('item').column('language').execute();
  // Finding the latest version of a URL when a changed capture arrives.
  await db.schema.createIndex('item_url_idx').on('item').columns(['source', 'url', 'created_at']).execute();

  await db.schema
    .createTable('item_indicator')
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('spans', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_indicator_pk', ['item_id', 'indicator_id'])
    .execute();
  await db.schema.createIndex('item_indicator_filter_idx').on('item_indicator').columns(['indicator_id', 'item_id']).execute();

  await db.schema
    .createTable('item_entity')
    .addColumn('item_id', 'text', (c) => c.notNull().references('item.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('normalized', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_entity_pk', ['item_id', 'start', 'type'])
    .execute();
  // "All items with this entity": the link from one ad to the others.
  await db.schema.createIndex('item_entity_filter_idx').on('item_entity').columns(['type', 'normalized', 'item_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('item_entity').execute();
  await db.schema.dropTable('item_indicator').execute();
  await db.schema.dropTable('item').execute();
}
