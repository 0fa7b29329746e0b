import type { HubKind } from '#tests/support/hub-harness.ts';
import { adminAccount, sampleClinic } from '#tests/support/core-harness.ts';
import { pick } from '#core/demo/sample-names.ts';
import { pickOperation } from './operations.ts';
import { DAY_MS, World, type Desk } from './world.ts';

export type SimulationOptions = { readonly seed: number; readonly operationsPerDesk: number; readonly restoreHub: boolean; readonly hub?: HubKind; readonly overHttp?: boolean };

const clinicB = { ...sampleClinic, code: 'BBB01', name: 'Bridge Clinic', city: 'Bath' };

async function firstDesk(world: World, key: string, clinic: 'A' | 'B', offsetMs: number): Promise<Desk> {
  const desk = await world.addDesk(key, clinic, offsetMs, { username: adminAccount.username, password: adminAccount.password });
  const setup = await world.must(desk, 'setup.createClinic', { clinic: clinic === 'A' ? { ...sampleClinic, code: 'AAA01' } : clinicB, admin: adminAccount });
  desk.token = setup.token ?? null;
  // The administrator also sees patients as a doctor, so every desk can consult (several roles per person).
  const { users, manageableClinics } = await world.must(desk, 'users.list', {});
  const admin = users.find((user) => user.username === adminAccount.username);
  const clinicId = manageableClinics[0]?.id;
  if (admin === undefined || clinicId === undefined) throw new Error('the new clinic has no administrator');
  await world.must(desk, 'users.grantRole', { userId: admin.id, clinicId: clinicId, role: 'DOCTOR' });
  if (clinic === 'A') {
    const doctor = await world.must(desk, 'users.create', { fullName: 'Dr. Jo Bell', username: 'jbell', email: '', phone: '', password: 'doctor-pass', role: 'DOCTOR' });
    await world.must(desk, 'doctors.saveProfile', { userId: doctor.id, specialization: 'General practice', registrationNumber: '', visibility: 'PUBLIC', active: true });
    await world.must(desk, 'schedules.setWeekly', { doctorUserId: doctor.id, sessions: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '08:00', endTime: '18:00', slotMinutes: 30, breaks: [] })) });
  }
  const { code } = await world.hub.createEnrolmentCode({ clinicCode: clinic === 'A' ? 'AAA01' : 'BBB01', clinicId: null });
  await world.must(desk, 'sync.connect', { hubUrl: world.hubUrl, code });
  await world.quiet(desk);
  return desk;
}

async function joiningDesk(world: World, inviter: Desk, key: string, offsetMs: number): Promise<Desk> {
  const { code } = await world.must(inviter, 'sync.createJoinCode', {});
  const desk = await world.addDesk(key, inviter.clinic, offsetMs, { username: adminAccount.username, password: adminAccount.password });
  await world.must(desk, 'sync.join', { hubUrl: world.hubUrl, code });
  await world.quiet(desk);
  return desk;
}

/**
 * SYNC.md §11: three workstations of one clinic and one of another, random work from every
 * screen, partitions, lost and duplicated messages, restarts and power cuts between steps,
 * clocks a day wrong, and a hub restored from an older copy; then everyone syncs, and the world
 * is checked.
 */
export async function runSimulation(options: SimulationOptions): Promise<World> {
  const world = new World(options.seed, options.hub ?? 'pglite', options.overHttp ?? false);
  await world.openHub();
  const a1 = await firstDesk(world, 'a1', 'A', 0);
  await joiningDesk(world, a1, 'a2', DAY_MS);
  await joiningDesk(world, a1, 'a3', -DAY_MS);
  await firstDesk(world, 'b1', 'B', 0);
  world.faults = { dropRequest: 0.06, dropResponse: 0.06, duplicate: 0.05, delay: 0.04, crashAfterCommit: 0.03 };

  const steps = options.operationsPerDesk * world.desks.length;
  const backupAt = Math.floor(steps * (0.2 + world.random() * 0.2));
  const restoreAt = options.restoreHub ? Math.floor(steps * (0.6 + world.random() * 0.2)) : -1;
  for (let step = 0; step < steps; step += 1) {
    world.advance(Math.floor(world.random() * 90_000));
    const desk = pick(world.random, world.desks);
    const operation = pickOperation(world.random);
    await operation.run(world, desk);
    const roll = world.random();
    if (roll < 0.3) {
      await desk.ws.core.sync.syncNow();
      await world.restartCrashed();
    } else if (roll < 0.32) {
      world.log.push(`${desk.ws.key} restart`);
      await desk.ws.restart();
    } else if (roll < 0.34) {
      world.log.push(`${desk.ws.key} power cut`);
      await desk.ws.powerCut();
    } else if (roll < 0.4) {
      if (world.offline.has(desk.ws.key)) world.offline.delete(desk.ws.key);
      else world.offline.add(desk.ws.key);
      world.log.push(`${desk.ws.key} ${world.offline.has(desk.ws.key) ? 'offline' : 'online'}`);
    }
    await world.deliverHeld();
    if (step === backupAt) {
      world.log.push('hub backup');
      await world.backupHub();
    }
    if (step === restoreAt && (await world.restoreHub())) world.log.push('hub restored from the backup');
  }
  await world.settle();
  return world;
}
