import "server-only";
import { AuthError } from "next-auth";
import { AppError } from "@/lib/errors";
import { signIn } from "./config";
import { guardSignIn } from "./sign-in-throttle";

export const WRONG_CREDENTIALS = "Wrong email, username or password.";

/**
 * Signs in with a login (email or username) and password from `address`, within the sign-in limits
 * (lib/auth/sign-in-throttle.ts): null when signed in, else the message for the form, one for an unknown
 * login and a wrong password alike, or the wait when this attempt must wait.
 */
export async function signInWithPassword(login: string, password: string, address: string): Promise<string | null> {
  try {
    const ok = await guardSignIn(login, address, async () => {
      try {
        const url = await signIn("credentials", { login, password, redirect: false });
        return !(typeof url === "string" && url.includes("error="));
      } catch (error) {
        if (error instanceof AuthError) return false;
        throw error;
      }
    });
    return ok ? null : WRONG_CREDENTIALS;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}
