import type Database from 'better-sqlite3';

/**
 * Rebuilds the product name index from the products table in one transaction: after a bulk load
 * (a first sync) or a VACUUM, which may renumber rowids. Triggers keep it current otherwise.
 */
export function rebuildProductSearchIndex(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec(`insert into medicine_name_fts (medicine_name_fts) values ('delete-all')`);
    sqlite.exec(`delete from medicine_search_keys`);
    sqlite.exec(`insert into medicine_search_keys (product_id) select id from medicine_products order by id`);
    sqlite.exec(
      `insert into medicine_name_fts (rowid, name)
       select k.search_rowid, p.generic_name || ' ' || p.brand_name
       from medicine_search_keys k join medicine_products p on p.id = k.product_id
       where p.deleted_at is null`,
    );
  })();
}
