import type { Kysely } from 'kysely';

/** The crawler: profiles, runs, the shared frontier, per-host politeness, pages across runs, evidence captures. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crawl_profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('crawl_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('crawl_profile.id'))
    .addColumn('profile_version', 'integer', (c) => c.notNull())
    .addColumn('profile_definition', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crawl_run_profile_idx').on('crawl_run').columns(['profile_id', 'started_at']).execute();
  await db.schema
    .createTable('crawl_frontier')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('crawl_run.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('url_hash', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('via_link', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('next_fetch_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('http_status', 'integer')
    .addColumn('content_hash', 'text')
    .addColumn('capture_id', 'text')
    .addColumn('error_code', 'text')
    .addColumn('fetched_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('crawl_frontier_run_url_key', ['run_id', 'url_hash'])
    .execute();
  await db.schema.createIndex('crawl_frontier_due_idx').on('crawl_frontier').columns(['status', 'host', 'next_fetch_at']).execute();
  await db.schema.createIndex('crawl_frontier_run_idx').on('crawl_frontier').columns(['run_id', 'status']).execute();
  await db.schema.createIndex('crawl_frontier_content_idx').on('crawl_frontier').columns(['run_id', 'content_hash']).execute();
  await db.schema
    .createTable('crawl_host')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('next_allowed_at', 'text', (c) => c.notNull())
    .addColumn('lease_holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('robots_txt', 'text')
    .addColumn('robots_status', 'integer')
    .addColumn('robots_fetched_at', 'text')
    .addColumn('backoff_level', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('crawl_page')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('crawl_profile.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('url_hash', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('item_id', 'text')
    .addColumn('gone_at', 'text')
    .addColumn('gone_reason', 'text')
    .addUniqueConstraint('crawl_page_profile_url_key', ['profile_id', 'url_hash'])
    .execute();
  await db.schema.createIndex('crawl_page_url_idx').on('crawl_page').column('url_hash').execute();
  await db.schema
    .createTable('crawl_capture')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text')
    .addColumn('profile_id', 'text')
    .addColumn('profile_version', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('final_url', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('warc_sha256', 'text', (c) => c.notNull())
    .addColumn('warc_size', 'integer', (c) => c.notNull())
    .addColumn('payload_sha256', 'text')
    .addColumn('item_id', 'text')
    .addColumn('crawler_version', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crawl_capture_item_idx').on('crawl_capture').column('item_id').execute();
  await db.schema.createIndex('crawl_capture_time_idx').on('crawl_capture').column('captured_at').execute();
  await db.schema
    .createTable('crawl_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('capture_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('pdq', 'text')
    .addColumn('quality', 'integer')
    .addColumn('match_status', 'text', (c) => c.notNull())
    .addColumn('matches', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('crawl_media_item_capture_key', ['item_id', 'capture_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['crawl_media', 'crawl_capture', 'crawl_page', 'crawl_host', 'crawl_frontier', 'crawl_run', 'crawl_profile']) {
    await db.schema.dropTable(t).execute();
  }
}
