import { useId, type ReactNode } from "react";
import { VOICE_LABELS, type TSource } from "@/lib/content/schemas";

type TProvenanceCardProps = {
  source: { slug: string; title: string; publishedAt: string; card: Omit<TSource, "slug" | "title" | "publishedAt" | "body"> };
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// Rows stack in a narrow sidebar and become two columns when the card itself is wide (container query).
// NOTE: parsed from its parts, never new Date(string), so the date cannot shift with the reader's time zone.
function formatIsoDate(iso: string) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="text-accent underline underline-offset-2 hover:text-accent-strong">
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-2 @md:grid @md:grid-cols-[9rem_1fr] @md:gap-4">
      <dt className="font-semibold text-muted">{term}</dt>
      <dd className="mt-0.5 @md:mt-0">{children}</dd>
    </div>
  );
}

const Note = ({ children }: { children: ReactNode }) => <span className="mt-1 block text-sm text-muted">{children}</span>;

/**
 * Who wrote a source, where and when it appeared, and what its outlet says about itself. NOTE: no genre:
 * the platform's genre label is the key of perspective questions word for word (issue 15), and the
 * source data has no label of the outlet's own for the piece, so the card says nothing about genre.
 */
export function ProvenanceCard({ source }: TProvenanceCardProps) {
  const headingId = useId();
  const { card } = source;
  const byline = card.authors.length > 0 ? card.authors.map((a) => a.name).join(", ") : "No named author";
  return (
    <aside aria-labelledby={headingId} className="@container rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-5">
      <p className="text-sm font-semibold tracking-wide text-muted uppercase">About this source</p>
      <h2 id={headingId} className="mt-1 font-serif text-xl leading-snug font-semibold">{source.title}</h2>
      <dl className="mt-3 divide-y divide-slate-200 text-base [overflow-wrap:anywhere]">
        <Row term={card.authors.length > 1 ? "Authors" : "Author"}>
          {card.authors.length > 0 && (
            <ul className="space-y-1">
              {card.authors.map((a) => (
                <li key={a.name}><span className="font-medium">{a.name}</span>, {a.affiliation}</li>
              ))}
            </ul>
          )}
          {card.authors.length === 0 && !card.bylineNote && "No author is named."}
          {card.bylineNote && (card.authors.length > 0 ? <Note>{card.bylineNote}</Note> : card.bylineNote)}
        </Row>
        <Row term="Outlet">
          {card.outlet.url ? <ExternalLink href={card.outlet.url}>{card.outlet.name}</ExternalLink> : card.outlet.name}
          <Note>{card.outlet.kind}</Note>
        </Row>
        {card.republishedBy && (
          <Row term="Republished by">
            {card.republishedBy.url ? <ExternalLink href={card.republishedBy.url}>{card.republishedBy.name}</ExternalLink> : card.republishedBy.name}
            {", "}
            <time dateTime={card.republishedBy.date}>{formatIsoDate(card.republishedBy.date)}</time>
          </Row>
        )}
        <Row term="Published">
          <time dateTime={source.publishedAt}>{formatIsoDate(source.publishedAt)}</time>
          {card.dateNote && <Note>{card.dateNote}</Note>}
        </Row>
        <Row term="Whose voice">
          {VOICE_LABELS[card.voice]}
          {card.voiceNote && <Note>{card.voiceNote}</Note>}
        </Row>
        <Row term="Outlet's stance">
          {card.stanceStatement ? (
            <blockquote className="border-l-4 border-slate-300 pl-3 font-serif italic">“{card.stanceStatement}”</blockquote>
          ) : (
            "The outlet says nothing about its stance in this article."
          )}
        </Row>
        <Row term="Original">
          {card.url ? <ExternalLink href={card.url}>Read the original at {card.outlet.name}</ExternalLink> : "Original link unknown"}
          {card.urlNote && <Note>{card.urlNote}</Note>}
        </Row>
        <Row term="Rights"><span className="text-sm">{card.rights}</span></Row>
        <Row term="Credit">
          <span className="text-sm">
            {byline}, “{source.title}”, {card.outlet.name}, {formatIsoDate(source.publishedAt)}
            {card.republishedBy && `; republished by ${card.republishedBy.name}, ${formatIsoDate(card.republishedBy.date)}`}.
          </span>
        </Row>
      </dl>
    </aside>
  );
}
