import { useEffect, useState } from 'react';
import type { Doctor } from '#shared/modules/doctors/index.ts';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { useAppStore } from '../../state/store.ts';
import type { SlotView } from './SlotGrid.tsx';

export type DoctorsSlots = { readonly status: 'loading' } | { readonly status: 'done'; readonly byDoctor: ReadonlyMap<string, readonly SlotView[]> } | { readonly status: 'failed'; readonly message: string };

/** Several doctors' slots on one day, loaded together and again whenever the core reports changed data. */
export function useDoctorsSlots(doctorUserIds: readonly Doctor['userId'][], date: string): DoctorsSlots {
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [state, setState] = useState<DoctorsSlots>({ status: 'loading' });
  const key = doctorUserIds.join(',');
  useEffect(() => {
    let current = true;
    const ids = key === '' ? [] : (key.split(',') as Doctor['userId'][]);
    Promise.all(ids.map(async (doctorUserId) => [doctorUserId, (await api.call('slots.list', { doctorUserId, fromDate: date, toDate: date })).slots] as const)).then(
      (entries) => current && setState({ status: 'done', byDoctor: new Map(entries) }),
      (error: unknown) => current && setState({ status: 'failed', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, date, dataVersion]);
  return state;
}
