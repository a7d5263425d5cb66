import { hash, verify, type Algorithm } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 iterations): about 50 ms per hash on our 2-core machines.
// NOTE: 2 is Algorithm.Argon2id; the package declares it as a const enum, which isolatedModules cannot read.
const ARGON2ID: Algorithm.Argon2id = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the email is unknown keeps the response time the same either way.
const DUMMY_HASH = hash("not-a-real-password", OPTIONS);

/** True when `password` matches `passwordHash`; with no hash, spends the same time and returns false. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
