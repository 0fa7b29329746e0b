/** One write of a push batch, its parameters numbered from $1. */
export type Write = { readonly sql: string; readonly params: readonly unknown[] };

/**
 * A batch's writes as one statement, each a data-modifying `with` of its own, and the final
 * select as the statement's own query. Sent one at a time, about ten statements a batch, the
 * database waited for the hub between them, and the hub (busy with the next batch's request) was
 * slow to send the next one, all while the batch held its clinic's lock. The writes touch
 * different rows (a batch writes each row once), which is what PostgreSQL asks of writes in one
 * statement, as they all see the same snapshot.
 */
export function oneStatement(writes: readonly Write[], final: Write): Write {
  const params: unknown[] = [];
  const renumber = (write: Write): string => {
    const offset = params.length;
    params.push(...write.params);
    return write.sql.replace(/\$(\d+)/g, (_, number: string) => `$${String(Number(number) + offset)}`);
  };
  const parts = writes.map((write, index) => `w${String(index)} as (${renumber(write)})`);
  const query = renumber(final);
  return { sql: parts.length === 0 ? query : `with ${parts.join(', ')} ${query}`, params };
}
