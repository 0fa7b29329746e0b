import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { EncounterDetail, SignedNote } from '#shared/modules/consultation/calls.ts';
import { encounterStatusLabels } from '#shared/modules/consultation/encounter.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { useAppStore } from '../../state/store.ts';
import { AmendModal } from './AmendModal.tsx';
import { CompleteModal } from './CompleteModal.tsx';
import { encounterPanels } from '../registry.ts';
import { chartRoute } from './consultation-routes.ts';
import { EncounterVitals } from './EncounterVitals.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { SignedNoteView } from './SignedNoteView.tsx';
import { useDraftAutosave } from './use-draft-autosave.ts';
import { VitalsForm } from './VitalsForm.tsx';

/** The note being written and its signing; mounted once per encounter so a reload never resets what is typed. */
function DraftWorkspace({ detail }: { detail: EncounterDetail }) {
  const { content, change, state, flush, settleWith } = useDraftAutosave(detail.encounter.id, detail.draft);
  const [signing, setSigning] = useState(false);
  const sign = async (): Promise<void> => {
    setSigning(true);
    try {
      const seen = await flush();
      if (seen === null) throw new Error('Write the note before signing it.');
      await api.call('consultation.sign', { encounterId: detail.encounter.id, draftId: seen.draftId, version: seen.version });
      notifications.show({ color: 'teal', title: 'Signed', message: 'The note and its diagnoses are signed.' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not signed', message: messageOf(error) });
    } finally {
      setSigning(false);
    }
  };
  return (
    <Stack gap="xs">
      <NoteEditor content={content} onChange={change} saveState={state} divergent={detail.divergentDrafts} onSettle={(other, keep) => void settleWith(other, keep)} previousNote={detail.previousNote} />
      <Group justify="flex-end">
        <Button onClick={() => void sign()} loading={signing} disabled={detail.divergentDrafts.length > 0}>
          Sign note
        </Button>
      </Group>
    </Stack>
  );
}

function SignedNotes({ notes, canAmend }: { notes: readonly SignedNote[]; canAmend: boolean }) {
  const [amending, setAmending] = useState<SignedNote | null>(null);
  const original = notes.find((note) => note.kind === 'ORIGINAL');
  return (
    <Stack gap="xs" component="section" aria-label="Signed notes">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Signed note
        </Title>
        {canAmend && original !== undefined && (
          <Button size="xs" variant="light" color="orange" onClick={() => setAmending(original)}>
            Amend…
          </Button>
        )}
      </Group>
      {notes.map((note) => (
        <SignedNoteView key={note.id} note={note} />
      ))}
      {amending !== null && <AmendModal note={amending} onClose={() => setAmending(null)} />}
    </Stack>
  );
}

function EncounterScreen({ detail, reload }: { detail: EncounterDetail; reload: () => void }) {
  const timeZone = useClinicZone();
  const navigate = useAppStore((state) => state.navigate);
  const [completing, setCompleting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { encounter } = detail;
  useEffect(() => heading.current?.focus({ preventScroll: true }), [encounter.id]);
  const open = encounter.status === 'OPEN';
  return (
    <Stack gap="sm">
      <PatientBanner record={detail.patient} problems={detail.problems} headingRef={heading} />
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Visit {encounter.reference}
          </Text>
          <Badge variant="light" style={{ textTransform: 'none' }}>
            {encounterStatusLabels[encounter.status]}
          </Badge>
          <Text size="sm">
            started {formatDateTime(encounter.startedAt, timeZone)}
            {encounter.appointmentReference === null ? '' : ` · ${encounter.appointmentReference}`}
          </Text>
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => navigate(chartRoute(encounter.patient.id))}>
            Open chart
          </Button>
          {encounter.status === 'SIGNED' && (
            <Button size="xs" onClick={() => setCompleting(true)}>
              Complete…
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="xs" component="section" aria-label="Vitals">
        <Title order={2} size="h4" mb={4}>
          Vitals
        </Title>
        <Stack gap="xs">
          <EncounterVitals readings={detail.vitals} />
          {encounter.status !== 'COMPLETED' && <VitalsForm patientId={encounter.patient.id} encounterId={encounter.id} onSaved={reload} />}
        </Stack>
      </Paper>
      {open ? <DraftWorkspace key={encounter.id} detail={detail} /> : <SignedNotes notes={detail.notes} canAmend />}
      {encounterPanels.map(({ key, Panel }) => (
        <Panel key={key} encounterId={encounter.id} patientId={encounter.patient.id} encounterStatus={encounter.status} reload={reload} />
      ))}
      {detail.billableItems.length > 0 && (
        <Text size="sm">
          Billed: {detail.billableItems.map((item) => `${item.code} × ${String(item.quantity)}`).join(', ')} (draft for billing)
        </Text>
      )}
      {completing && (
        <CompleteModal
          encounterId={encounter.id}
          seenBefore={detail.previousNote !== null}
          onClose={() => setCompleting(false)}
          onCompleted={() => {
            setCompleting(false);
            notifications.show({ color: 'teal', title: 'Completed', message: `${encounter.patient.givenName} ${encounter.patient.familyName} has left the queue.` });
            navigate({ section: 'consultation', tab: 'worklist' });
          }}
        />
      )}
    </Stack>
  );
}

/** The encounter screen: banner, vitals, the note and its diagnoses, signing and completing. */
export function EncounterPage({ id }: { id: string }) {
  const detail = useCall('consultation.get', { encounterId: id });
  if (detail.status === 'failed') return <Refusal what="this encounter" reason={detail.error.message} />;
  if (detail.status !== 'done') return <Loader aria-label="Loading the encounter" />;
  return <EncounterScreen detail={detail.result} reload={detail.reload} />;
}
