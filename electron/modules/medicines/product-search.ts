import type { OrganizationId } from '#shared/domain/ids.ts';
import type { ProductKind, ProductSummary } from '#shared/modules/medicines/product.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { limitSql } from '../../db/literal-limit.ts';
import { summaryOf, type SummaryColumns } from './product-rows.ts';

/** How many matches of each way are ranked: enough for a list, few enough to rank at each keystroke. */
const CANDIDATES = 200;
/** The trigram index finds parts of three characters or more; shorter queries match name starts. */
const TRIGRAM = 3;

export type ProductSearch = {
  readonly organizationId: OrganizationId;
  readonly query: string;
  readonly limit: number;
  readonly includeRetired: boolean;
  readonly kinds: readonly ProductKind[] | undefined;
};

type SqlRow = {
  id: string;
  kind: ProductKind;
  generic_name: string;
  brand_name: string;
  strength_text: string;
  dose_form: string;
  prescription_only: number;
  controlled: number;
  high_alert: number;
  active: number;
};

const COLUMNS = sql.raw(`p.id, p.kind, p.generic_name, p.brand_name, p.strength_text, p.dose_form, p.prescription_only, p.controlled, p.high_alert, p.active`);
const LIMIT = sql.raw(limitSql(CANDIDATES));
const PART_LIMIT = sql.raw(limitSql(CANDIDATES * 2));

/** Names that start with the query, as ranges of the names' case-blind indexes. */
function byNameStart(db: Db, organizationId: string, query: string): SqlRow[] {
  const upper = `${query}\u{10FFFF}`;
  const live = sql`p.organization_id = ${organizationId} and p.deleted_at is null`;
  return [
    ...db.all<SqlRow>(sql`select ${COLUMNS} from medicine_products p where ${live} and p.generic_name collate nocase >= ${query} and p.generic_name collate nocase < ${upper} order by p.generic_name collate nocase limit ${LIMIT}`),
    ...db.all<SqlRow>(sql`select ${COLUMNS} from medicine_products p where ${live} and p.brand_name collate nocase >= ${query} and p.brand_name collate nocase < ${upper} order by p.brand_name collate nocase limit ${LIMIT}`),
  ];
}

/** Names that hold the query anywhere, through the trigram index. */
function byNamePart(db: Db, organizationId: string, query: string): SqlRow[] {
  const match = `"${query.replace(/"/g, '""')}"`;
  return db.all<SqlRow>(
    // CROSS JOIN keeps SQLite from starting at the products: the index's matches come first.
    sql`select ${COLUMNS} from (select rowid as r from medicine_name_fts where medicine_name_fts match ${match} limit ${PART_LIMIT}) c
     cross join medicine_search_keys k on k.search_rowid = c.r cross join medicine_products p on p.id = k.product_id where p.organization_id = ${organizationId} and p.deleted_at is null`,
  );
}

/** Lower is better: the whole name, then a name's start, a word's start, then anywhere. */
function rankOf(row: SqlRow, query: string): number {
  const generic = row.generic_name.toLowerCase();
  const brand = row.brand_name.toLowerCase();
  if (generic === query || brand === query) return 0;
  if (generic.startsWith(query)) return 1;
  if (brand.startsWith(query)) return 2;
  const wordStart = (name: string) => name.split(/[\s\-/(),+]+/).some((word) => word.startsWith(query));
  if (wordStart(generic) || wordStart(brand)) return 3;
  return 4;
}

function summaryColumnsOf(row: SqlRow): SummaryColumns {
  return {
    id: row.id,
    kind: row.kind,
    genericName: row.generic_name,
    brandName: row.brand_name,
    strengthText: row.strength_text,
    doseForm: row.dose_form,
    prescriptionOnly: row.prescription_only === 1,
    controlled: row.controlled === 1,
    highAlert: row.high_alert === 1,
    active: row.active === 1,
  };
}

/**
 * Products whose generic or brand name holds the query, best first: an exact name, a name that
 * starts with it, a word that does, then any part. Retired products only when asked for.
 */
export function searchProducts(db: Db, search: ProductSearch): ProductSummary[] {
  const query = search.query.trim().toLowerCase();
  const kinds = search.kinds === undefined ? null : new Set(search.kinds);
  const seen = new Set<string>();
  const ranked: { row: SqlRow; rank: number; key: string }[] = [];
  const take = (rows: readonly SqlRow[]) => {
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      if (!search.includeRetired && row.active !== 1) continue;
      if (kinds !== null && !kinds.has(row.kind)) continue;
      ranked.push({ row, rank: rankOf(row, query) + (row.active === 1 ? 0 : 10), key: `${row.generic_name}\u0000${row.brand_name}\u0000${row.strength_text}`.toLowerCase() });
    }
  };
  take(byNameStart(db, search.organizationId, query));
  // A part found only inside a name ranks below every name that starts with the query: when those
  // fill the list already, the trigram index has nothing to add to it.
  const starts = ranked.filter((entry) => entry.rank < 10).length;
  if (query.length >= TRIGRAM && starts < search.limit) take(byNamePart(db, search.organizationId, query));
  ranked.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ranked.slice(0, search.limit).map((entry) => summaryOf(summaryColumnsOf(entry.row)));
}
