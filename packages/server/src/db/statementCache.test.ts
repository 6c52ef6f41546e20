import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './database.js';

describe('withStatementCache', () => {
  it('prepares each SQL text once, keeps at most `size` statements, and follows schema changes', () => {
    const raw = new SQLite(':memory:');
    let prepared = 0;
    const counting = new Proxy(raw, {
      get(target, prop) {
        if (prop === 'prepare') return (sql: string) => (prepared++, target.prepare(sql));
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const db = withStatementCache(counting, 2);
    db.prepare('create table t (a integer)').run([]);
    const insert = 'insert into t (a) values (?)';
    db.prepare(insert).run([1]);
    db.prepare(insert).run([2]);
    expect(prepared).toBe(2);
    expect(db.prepare('select a from t order by a').all([])).toEqual([{ a: 1 }, { a: 2 }]);
    // Past two statements the least recently used ('create table') was dropped; the insert was used since and stays.
    db.prepare(insert).run([3]);
    expect(prepared).toBe(3);
    // A kept statement still works after the table changes.
    db.prepare('alter table t add column b text').run([]);
    db.prepare(insert).run([4]);
    expect(db.prepare('select count(*) as n from t').all([])).toEqual([{ n: 4 }]);
    db.close();
  });
});
