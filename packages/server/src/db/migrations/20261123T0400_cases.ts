import type { Kysely } from 'kysely';

// Victim cases, their consent and referrals, the service directory, teams, and published statistics.
// Identifying values never go into these tables in clear: they are sealed one by one in `sealed_field`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('team')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('team_member')
    .addColumn('team_id', 'text', (c) => c.notNull().references('team.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addPrimaryKeyConstraint('team_member_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_member_user_idx').on('team_member').column('user_id').execute();

  await db.schema
    .createTable('service_organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('country', 'text')
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('organisation_member')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('service_organisation.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addPrimaryKeyConstraint('organisation_member_pk', ['organisation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('organisation_member_user_idx').on('organisation_member').column('user_id').execute();

  await db.schema
    .createTable('case_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('team_id', 'text', (c) => c.references('team.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('clear_data', 'text', (c) => c.notNull())
    .addColumn('retention_until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_record_owner_idx').on('case_record').columns(['owner_id', 'id']).execute();
  await db.schema.createIndex('case_record_team_idx').on('case_record').columns(['team_id', 'id']).execute();
  await db.schema.createIndex('case_record_retention_idx').on('case_record').column('retention_until').execute();

  await db.schema
    .createTable('sealed_field')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('box', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sealed_field_pk', ['record_type', 'record_id', 'field'])
    .execute();
  // Rotation walks the fields still under an old key.
  await db.schema.createIndex('sealed_field_key_idx').on('sealed_field').columns(['key_id', 'record_type', 'record_id', 'field']).execute();

  await db.schema
    .createTable('field_key')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();

  await db.schema
    .createTable('case_share')
    .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_share_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_share_user_idx').on('case_share').column('user_id').execute();

  await db.schema
    .createTable('case_event')
    .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // Two writers on the same version collide here: the second insert fails instead of forking the log.
    .addPrimaryKeyConstraint('case_event_pk', ['case_id', 'stream', 'seq'])
    .execute();

  await db.schema
    .createTable('case_referral')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
    .addColumn('to_organisation_id', 'text', (c) => c.notNull().references('service_organisation.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('shared_fields', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_referral_case_idx').on('case_referral').column('case_id').execute();
  await db.schema.createIndex('case_referral_to_idx').on('case_referral').columns(['to_organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('case_access')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_access_case_idx').on('case_access').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('case_link')
    .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_link_pk', ['case_id', 'target_type', 'target_id'])
    .execute();
  await db.schema.createIndex('case_link_target_idx').on('case_link').columns(['target_type', 'target_id']).execute();

  await db.schema
    .createTable('case_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('case_task_due_idx').on('case_task').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('case_task_case_idx').on('case_task').column('case_id').execute();

  await db.schema
    .createTable('stats_publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('dimensions', 'text', (c) => c.notNull())
    .addColumn('published', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['stats_publication', 'case_task', 'case_link', 'case_access', 'case_referral', 'case_event', 'case_share', 'field_key', 'sealed_field', 'case_record', 'organisation_member', 'service_organisation', 'team_member', 'team']) {
    await db.schema.dropTable(t).execute();
  }
}
