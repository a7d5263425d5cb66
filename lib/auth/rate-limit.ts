import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

// Per email and per client address: slows down password guessing without locking out a whole school
// behind one NAT address. NOTE: in memory, so per server process (docs/decisions/004-libraries.md).
const perAccount = new RateLimiterMemory({ keyPrefix: "login-account", points: 10, duration: 15 * 60 });
const perAddress = new RateLimiterMemory({ keyPrefix: "login-address", points: 100, duration: 15 * 60 });
// NOTE: 100 an hour: a whole class signing up in its first lesson shares one school address.
const signups = new RateLimiterMemory({ keyPrefix: "signup-address", points: 100, duration: 60 * 60 });

async function consume(limiter: RateLimiterMemory, key: string) {
  try {
    await limiter.consume(key);
  } catch {
    throw new AppError("RATE_LIMITED", "Too many attempts. Please wait a few minutes and try again.");
  }
}

export async function limitSignIn(email: string, address: string) {
  await consume(perAddress, address);
  await consume(perAccount, email);
}

export async function limitSignUp(address: string) {
  await consume(signups, address);
}

export async function forgetSignInFailures(email: string) {
  await perAccount.delete(email);
}
