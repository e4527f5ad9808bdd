import { formatUtc } from '@/lib/format';
import type { FindingNoteRow } from '@/lib/queries/findings/types';

/** Notes as plain text: line breaks kept with pre-wrap, markup shown as typed. */
export function FindingNotes({ notes }: { notes: FindingNoteRow[] }) {
  if (notes.length === 0) return <p className="text-sm text-muted">No notes yet.</p>;
  return (
    <ol aria-label="Notes" className="space-y-3">
      {notes.map((note) => (
        <li key={note.id} className="rounded-lg border border-line bg-surface-muted px-3.5 py-2.5">
          <p className="text-xs text-muted">
            <span className="font-medium text-fg">{note.authorEmail ?? 'A deleted user'}</span> ·{' '}
            <time dateTime={note.createdAt}>{formatUtc(note.createdAt)}</time>
          </p>
          <p
            data-testid="note-body"
            className="mt-1 text-sm leading-6 whitespace-pre-wrap text-fg [overflow-wrap:anywhere]"
          >
            {note.body}
          </p>
        </li>
      ))}
    </ol>
  );
}
