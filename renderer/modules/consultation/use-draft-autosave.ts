import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteDraft } from '#shared/modules/consultation/calls.ts';
import type { DiagnosisInput, SoapNote } from '#shared/modules/consultation/encounter.ts';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';

export type DraftContent = SoapNote & { readonly diagnoses: readonly DiagnosisInput[] };
export type SaveState = { readonly kind: 'saved'; readonly at: string } | { readonly kind: 'unsaved' } | { readonly kind: 'saving' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'empty' };

const AUTOSAVE_DELAY_MS = 600;

export const blankContent: DraftContent = { subjective: '', objective: '', assessment: '', plan: '', diagnoses: [] };

export function contentOf(draft: NoteDraft | null): DraftContent {
  if (draft === null) return blankContent;
  const { subjective, objective, assessment, plan, diagnoses } = draft;
  return { subjective, objective, assessment, plan, diagnoses };
}

/**
 * The note as the doctor types it, saved to the core a moment after each change (the core writes
 * it in one transaction, so a crash keeps the last whole version), once at a time, in order. Each
 * save names the draft it continued, so the core tells a hand-over from a concurrent edit.
 */
export function useDraftAutosave(encounterId: string, loaded: NoteDraft | null) {
  const [content, setContent] = useState<DraftContent>(() => contentOf(loaded));
  const [state, setState] = useState<SaveState>(loaded === null ? { kind: 'empty' } : { kind: 'saved', at: loaded.updatedAt });
  const basedOn = useRef<{ draftId: string; version: number } | null>(loaded === null ? null : { draftId: loaded.id, version: loaded.version });
  const latest = useRef(content);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<NoteDraft | null>>(Promise.resolve(null));
  const isDirty = (): boolean => dirty.current;

  const save = useCallback((): Promise<NoteDraft | null> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    chain.current = chain.current.then(async (previous) => {
      if (!dirty.current) return previous;
      dirty.current = false;
      setState({ kind: 'saving' });
      try {
        const saved = await api.call('consultation.saveDraft', { encounterId, ...latest.current, diagnoses: [...latest.current.diagnoses], basedOn: basedOn.current });
        basedOn.current = { draftId: saved.id, version: saved.version };
        // Typing during the save marked it dirty again; the next save follows.
        setState(isDirty() ? { kind: 'unsaved' } : { kind: 'saved', at: saved.updatedAt });
        return saved;
      } catch (error) {
        dirty.current = true;
        setState({ kind: 'failed', message: messageOf(error) });
        return previous;
      }
    });
    return chain.current;
  }, [encounterId]);

  const change = useCallback(
    (next: DraftContent) => {
      latest.current = next;
      dirty.current = true;
      setContent(next);
      setState({ kind: 'unsaved' });
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  /** Continues another workstation's draft: their text (or ours) saved on top of theirs settles the divergence. */
  const settleWith = useCallback(
    (other: NoteDraft, keep: 'mine' | 'theirs') => {
      basedOn.current = { draftId: other.id, version: other.version };
      change(keep === 'theirs' ? contentOf(other) : latest.current);
      return save();
    },
    [change, save],
  );

  /** Saves now what is not saved yet, and gives the draft as saved (what signing names). */
  const flush = useCallback(async (): Promise<{ draftId: string; version: number } | null> => {
    await save();
    return basedOn.current;
  }, [save]);

  // Leaving the screen (or the app closing it) saves what is typed.
  useEffect(
    () => () => {
      if (dirty.current) void save();
    },
    [save],
  );

  return { content, change, state, flush, settleWith };
}
