import { sql, type Kysely } from 'kysely';

// Only text and integer columns, so SQLite and PostgreSQL read the same schema.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hash_bank')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hash_bank_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bank_id', 'text', (c) => c.notNull().references('hash_bank.id'))
    .addColumn('signal_type', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('quality', 'integer')
    .addColumn('category', 'text')
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('external_id', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hash_bank_entry_hash_uq', ['bank_id', 'signal_type', 'hash'])
    .execute();
  // Keyset pagination and matcher loading walk a bank's entries by id.
  await db.schema.createIndex('hash_bank_entry_bank_idx').on('hash_bank_entry').columns(['bank_id', 'id']).execute();

  await db.schema
    .createTable('hash_bank_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into hash_bank_version (id, version) values (1, 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hash_bank_version').execute();
  await db.schema.dropTable('hash_bank_entry').execute();
  await db.schema.dropTable('hash_bank').execute();
}
