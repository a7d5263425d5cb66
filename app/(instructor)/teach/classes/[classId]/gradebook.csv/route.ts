import { getCurrentUser } from "@/lib/auth/session";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { getClassGrid } from "@/lib/reports/class-grid";
import { formatGradebookCsv } from "@/lib/reports/gradebook-csv-format";

const plain = (status: number, text: string) => new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The class gradebook as a CSV download, for the class's own instructors only. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await getCurrentUser();
  if (!user) return plain(401, "Sign in first.");
  try {
    const grid = await getClassGrid(user, classId);
    const slug = grid.class.name.normalize("NFKD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "class";
    return new Response(formatGradebookCsv(grid), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${slug}-gradebook.csv"; filename*=UTF-8''${encodeURIComponent(grid.class.name)}-gradebook.csv`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return plain(HTTP_STATUS[error.code], error.message);
    throw error;
  }
}
