import type { TFormState } from "@/lib/auth/form-state";

/** Sign-in details for one pupil, with the plain one-time password: returned once, never stored. */
export type TStudentAccount = { name: string; username: string; password: string };

/** What the accounts forms get back: the usual form state, and the new sign-in details on success. */
export type TAccountsState = TFormState & { accounts?: TStudentAccount[] };
