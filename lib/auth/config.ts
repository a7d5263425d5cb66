import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "./credentials";
import { ZSignInInput } from "./schemas";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

/**
 * next-auth with email (or, for pupils without one, username) + password and JWT sessions. The JWT carries only the user id and the session
 * version; lib/auth/session.ts checks both against the database on every request, which is what makes
 * sign-out, disabling and demotion take effect at once (docs/decisions/003-sessions.md).
 */
export const { handlers, signIn, signOut } = NextAuth({
  // The secret comes from AUTH_SECRET, checked at start-up (lib/env-schema.ts).
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an expected event, not a server error: no stack trace in the logs for it.
    error(error) {
      // By `type`, which survives minification; the production build renames the class (`name` is "j" there).
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(raw) {
        const parsed = ZSignInInput.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await verifyCredentials(parsed.data.login, parsed.data.password);
        if (!user) throw new CredentialsSignin();
        return { id: user.id, email: user.email ?? undefined, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid as string | undefined;
      session.sv = token.sv as number | undefined;
      return session;
    },
  },
});
