import type { Kysely } from 'kysely';

/** Hotline: subjects (deduplicated reported things), reports, media, the event log, decisions, providers, notices, checks, authority reports, and the outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hotline_subject')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('host', 'text')
    .addColumn('media_sha256', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('child_involved', 'integer', (c) => c.notNull())
    .addColumn('bank_match', 'integer', (c) => c.notNull())
    .addColumn('risk_score', 'real')
    .addColumn('report_count', 'integer', (c) => c.notNull())
    .addColumn('first_reported_at', 'text', (c) => c.notNull())
    .addColumn('last_reported_at', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('classification', 'text')
    .addColumn('interpol_category', 'text')
    .addColumn('assessed_at', 'text')
    .addColumn('first_notice_at', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('country', 'text')
    .addColumn('notice_round', 'integer', (c) => c.notNull())
    .addColumn('next_check_at', 'text')
    .addColumn('last_check_state', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_subject_url_uq').on('hotline_subject').column('url').unique().execute();
  await db.schema.createIndex('hotline_subject_queue_idx').on('hotline_subject').columns(['status', 'priority', 'first_reported_at']).execute();
  await db.schema.createIndex('hotline_subject_check_idx').on('hotline_subject').column('next_check_at').execute();

  await db.schema
    .createTable('hotline_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('platform', 'text')
    .addColumn('description_sealed', 'text')
    .addColumn('child_involved', 'integer', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('contact_sealed', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_report_subject_idx').on('hotline_report').column('subject_id').execute();
  await db.schema.createIndex('hotline_report_created_idx').on('hotline_report').columns(['channel', 'created_at']).execute();

  await db.schema
    .createTable('hotline_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('sha1', 'text', (c) => c.notNull())
    .addColumn('md5', 'text', (c) => c.notNull())
    .addColumn('pdq', 'text')
    .addColumn('quality', 'integer')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bank_matches', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_media_sha256_idx').on('hotline_media').column('sha256').execute();
  await db.schema.createIndex('hotline_media_subject_idx').on('hotline_media').column('subject_id').execute();

  await db.schema
    .createTable('hotline_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_event_subject_seq_uq').on('hotline_event').columns(['subject_id', 'seq']).unique().execute();

  await db.schema
    .createTable('hotline_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('interpol_category', 'text')
    .addColumn('trafficking_indicators', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('note_sealed', 'text')
    .addColumn('note_shared', 'integer', (c) => c.notNull())
    .addColumn('bank_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_decision_subject_idx').on('hotline_decision').column('subject_id').execute();

  await db.schema
    .createTable('hotline_provider')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('domains', 'text', (c) => c.notNull())
    .addColumn('ip_ranges', 'text', (c) => c.notNull())
    .addColumn('abuse_email', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('country', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hotline_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_notice_round_uq').on('hotline_notice').columns(['subject_id', 'round']).unique().execute();

  await db.schema
    .createTable('hotline_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('reason', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_check_subject_idx').on('hotline_check').column('subject_id').execute();

  await db.schema
    .createTable('authority_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('incident_type', 'text', (c) => c.notNull())
    .addColumn('payload_sealed', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('authority_report_subject_idx').on('authority_report').column('subject_id').execute();

  await db.schema
    .createTable('outbox_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_sealed', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('ref_type', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_message_due_idx').on('outbox_message').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['outbox_message', 'authority_report', 'hotline_check', 'hotline_notice', 'hotline_provider', 'hotline_decision', 'hotline_event', 'hotline_media', 'hotline_report', 'hotline_subject']) {
    await db.schema.dropTable(t).execute();
  }
}
