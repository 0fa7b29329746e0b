import type { QueueBoard } from '#shared/modules/queue/calls.ts';

/** The waiting room's screen: tokens and rooms in large type, no names. */
export function DisplayBoard({ board }: { board: QueueBoard }) {
  return (
    <main className="board" aria-label="Queue display">
      <h1>{board.clinicName}</h1>
      <section aria-label="Called">
        <h2>Please go to</h2>
        <div className="called">
          {board.called.length === 0 && <span className="room">Nobody called yet</span>}
          {board.called.map((entry) => [
            <span className="token" key={`${entry.token}-token`}>
              {entry.token}
            </span>,
            <span className="room" key={`${entry.token}-room`}>
              {entry.room}
              {entry.doctorName === null ? null : <small>{entry.doctorName}</small>}
            </span>,
          ])}
        </div>
      </section>
      <section aria-label="Waiting">
        <h2>Waiting</h2>
        <div className="waiting">
          {board.waiting.map((entry) => (
            <span key={entry.token} className={entry.priority}>
              {entry.token}
            </span>
          ))}
        </div>
      </section>
    </main>
  );
}
