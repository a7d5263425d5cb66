import { getCurrentUser } from "@/lib/auth/session";
import { exportCourseForAdmin } from "@/lib/authoring/transfer";
import { AppError, HTTP_STATUS } from "@/lib/errors";

const plain = (status: number, text: string) => new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The whole course as a zip of content/ files, for admins only. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return plain(401, "Sign in first.");
  try {
    const zip = await exportCourseForAdmin(user);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(zip as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="crosscheck-course-${day}.zip"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return plain(HTTP_STATUS[error.code], error.message);
    throw error;
  }
}
