/** A request sent ahead: a failure is seen when its answer is awaited, not as an unhandled rejection meanwhile. */
export function sentAhead<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined);
  return answer;
}
