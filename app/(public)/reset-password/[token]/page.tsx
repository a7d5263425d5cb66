import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { findResetLink } from "@/lib/auth/password-reset";
import { resetPasswordAction } from "../../actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findResetLink(token);
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Choose a new password</h1>
      {link ? (
        <>
          <p>Hello {link.name}. This link works once; after saving you sign in with the new password.</p>
          <ActionForm action={resetPasswordAction} submitLabel="Save my new password" hidden={{ token }}>
            <FormField label="New password (at least 8 characters; a long phrase is best)" name="newPassword" type="password" autoComplete="new-password" required />
            <FormField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required />
          </ActionForm>
        </>
      ) : (
        <p role="alert">This reset link is not valid any more: it was used, replaced or has expired. Ask an admin for a new one.</p>
      )}
    </div>
  );
}
