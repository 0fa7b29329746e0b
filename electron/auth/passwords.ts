import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended
// minimum. Hashing runs on libuv's thread pool, so a sign-in never blocks other calls.

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | null = null;

/** Spends the same time as a real check, so a wrong username cannot be told from a wrong password. */
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hash('decoy password that matches no account');
  await verifyPassword(await decoyHash, password);
}
