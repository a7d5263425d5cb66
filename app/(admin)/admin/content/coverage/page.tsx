import type { Metadata } from "next";
import { CoverageTable } from "@/components/admin/coverage-table";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { requirePageUser } from "@/lib/auth/session";
import { getCoverageReport } from "@/lib/authoring/transfer";

export const metadata: Metadata = { title: "Coverage report" };

export default async function CoveragePage() {
  const actor = await requirePageUser("/admin/content/coverage", "ADMIN");
  const report = await getCoverageReport(actor);
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs items={[{ href: "/admin/content", label: "Content" }]} />
      <h1 className="font-serif text-3xl font-bold">Coverage report</h1>
      <p className="max-w-3xl">
        For each module, the sources it uses by genre, by whose voice they carry (from the byline and outlet) and by stance. A
        source&apos;s stance is the one its perspective question&apos;s answer key gives, which cites passages of the text; Crosscheck
        takes no side of its own. A module is flagged when most of its sources take one side, or when a perspective is missing.
      </p>
      <CoverageTable report={report} />
    </div>
  );
}
