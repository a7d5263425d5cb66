import { useId } from "react";

// NOTE: hand-placed coordinates in a 640×500 box; this is a sketch of relative positions, not a projection.
const ARMENIA = "32,60 248,40 272,140 264,230 280,300 300,480 220,486 206,340 160,320 72,300 32,280";
const NAKHCHIVAN = "72,300 160,320 206,340 220,486 152,480 80,400";
const AZERBAIJAN = "248,40 448,20 604,56 604,486 300,480 280,300 264,230 272,140";
const FORMER_NKAO = "360,165 420,158 452,200 450,262 430,312 380,318 362,290 348,222";
const CORRIDOR = "405,230 395,258 362,282 330,292 290,300 255,306";

const PLACES: { name: string; x: number; y: number; lines: string[]; lx: number; ly: number; anchor: "start" | "middle" | "end" }[] = [
  { name: "Yerevan", x: 110, y: 200, lines: ["Yerevan"], lx: 120, ly: 205, anchor: "start" },
  { name: "Baku", x: 585, y: 210, lines: ["Baku"], lx: 575, ly: 215, anchor: "end" },
  { name: "Stepanakert / Khankendi", x: 405, y: 230, lines: ["Stepanakert /", "Khankendi"], lx: 405, ly: 198, anchor: "middle" },
  { name: "Shusha / Shushi", x: 395, y: 258, lines: ["Shusha / Shushi"], lx: 406, ly: 268, anchor: "start" },
  { name: "Lachin", x: 330, y: 292, lines: ["Lachin"], lx: 330, ly: 318, anchor: "middle" },
  { name: "Kalbajar", x: 318, y: 178, lines: ["Kalbajar"], lx: 318, ly: 162, anchor: "middle" },
  { name: "Aghdam", x: 478, y: 232, lines: ["Aghdam"], lx: 489, ly: 238, anchor: "start" },
];

const DESCRIPTION = [
  "Armenia lies in the west of the map and Azerbaijan in the east; Yerevan is in western Armenia and Baku on Azerbaijan's Caspian coast in the far east.",
  "The former Nagorno-Karabakh Autonomous Oblast (the Soviet-era boundary, drawn dashed) lies inside Azerbaijan, a short distance east of Armenia.",
  "Stepanakert (Armenian usage) / Khankendi (Azerbaijani usage) is the main town inside the former oblast.",
  "Shusha (Azerbaijani usage) / Shushi (Armenian usage) is a hilltop town just south of Stepanakert / Khankendi.",
  "The Lachin corridor is the road from Stepanakert / Khankendi west-south-west through the town of Lachin to Armenia's Syunik province.",
  "Kalbajar lies north-west of the former oblast, between it and Armenia.",
  "Aghdam lies just east of the former oblast.",
  "Syunik is Armenia's southern province, a strip running south between Nakhchivan and mainland Azerbaijan.",
  "Nakhchivan is an exclave of Azerbaijan in the far south-west, separated from mainland Azerbaijan by Syunik.",
];

const label = { fill: "#1f2328", stroke: "#ffffff", strokeWidth: 4, paintOrder: "stroke" as const, strokeLinejoin: "round" as const };

/** A schematic sketch (not to scale) of the places the course names, with a text description. */
export function PlacesMap() {
  const id = useId();
  return (
    <figure className="my-8">
      <figcaption className="mb-2">
        <span className="block text-lg font-semibold">Places named in the course</span>
        <span className="text-sm text-muted">A schematic sketch, not to scale: it shows where places lie relative to each other, not borders or distances.</span>
      </figcaption>
      <div tabIndex={0} role="region" aria-label="Schematic map, scrolls sideways on narrow screens" className="overflow-x-auto rounded-md border border-slate-300 bg-white">
        <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox="0 0 640 500" className="h-auto w-full min-w-[32rem]" fontFamily="system-ui, sans-serif">
          <title id={`${id}-t`}>Schematic map of Armenia, Azerbaijan and Nagorno-Karabakh, not to scale</title>
          <desc id={`${id}-d`}>{DESCRIPTION.join(" ")}</desc>
          <rect x={604} y={0} width={36} height={500} fill="#cfe3f3" />
          <text x={624} y={300} fontSize={14} fill="#1f4e79" textAnchor="middle" transform="rotate(-90 624 300)">Caspian Sea</text>
          <polygon points={AZERBAIJAN} fill="#e6eef5" stroke="#57606a" strokeWidth={1.5} />
          <polygon points={NAKHCHIVAN} fill="#e6eef5" stroke="#57606a" strokeWidth={1.5} />
          <polygon points={ARMENIA} fill="#f1ebe2" stroke="#57606a" strokeWidth={1.5} />
          <polyline points="190,333 272,262" fill="none" stroke="#57606a" strokeDasharray="2 4" />
          <polygon points={FORMER_NKAO} fill="#fff4d6" stroke="#b45309" strokeWidth={2.5} strokeDasharray="8 5" />
          <polyline points={CORRIDOR} fill="none" stroke="#0b5cad" strokeWidth={5} strokeLinecap="round" strokeLinejoin="round" />
          <text x={140} y={110} fontSize={24} fontWeight={700} letterSpacing={3} textAnchor="middle" {...label}>ARMENIA</text>
          <text x={470} y={110} fontSize={24} fontWeight={700} letterSpacing={3} textAnchor="middle" {...label}>AZERBAIJAN</text>
          <text x={252} y={400} fontSize={16} fontWeight={600} textAnchor="middle" {...label}>Syunik</text>
          <text x={252} y={418} fontSize={13} textAnchor="middle" {...label}>(Armenia)</text>
          <text x={150} y={405} fontSize={16} fontWeight={600} textAnchor="middle" {...label}>Nakhchivan</text>
          <text x={150} y={423} fontSize={13} textAnchor="middle" {...label}>(Azerbaijan,</text>
          <text x={150} y={439} fontSize={13} textAnchor="middle" {...label}>exclave)</text>
          <text x={404} y={345} fontSize={14} fontStyle="italic" textAnchor="middle" {...label}>former Nagorno-Karabakh</text>
          <text x={404} y={362} fontSize={14} fontStyle="italic" textAnchor="middle" {...label}>Autonomous Oblast</text>
          <text x={300} y={264} fontSize={14} fontWeight={600} textAnchor="middle" {...label} fill="#084a8c">Lachin corridor</text>
          {PLACES.map((p) => (
            <g key={p.name}>
              <circle cx={p.x} cy={p.y} r={5} fill="#1f2328" stroke="#fff" strokeWidth={1.5} />
              {p.lines.map((line, i) => (
                <text key={line} x={p.lx} y={p.ly + i * 17} fontSize={15} textAnchor={p.anchor} {...label}>{line}</text>
              ))}
            </g>
          ))}
          <g transform="translate(40 450)" aria-hidden="true">
            <path d="M0,-22 L7,0 L0,-5 L-7,0 Z" fill="#1f2328" />
            <text x={0} y={16} fontSize={13} textAnchor="middle" {...label}>N</text>
          </g>
        </svg>
      </div>
      <p className="mt-1 text-xs text-muted sm:hidden">Scroll sideways to see the whole map.</p>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted" aria-label="Map key">
        <li><span aria-hidden="true" className="mr-2 inline-block h-3 w-6 border-2 border-dashed border-amber-700 bg-[#fff4d6] align-middle" />Former autonomous oblast (Soviet-era boundary)</li>
        <li><span aria-hidden="true" className="mr-2 inline-block h-1.5 w-6 rounded bg-accent align-middle" />Lachin corridor road</li>
        <li><span aria-hidden="true" className="mr-2 inline-block size-2.5 rounded-full bg-ink align-middle" />Town or city</li>
      </ul>
      <details className="mt-3 rounded-md border border-slate-300 bg-white px-4 py-2">
        <summary className="cursor-pointer font-medium">Text description of the map</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {DESCRIPTION.map((d) => <li key={d}>{d}</li>)}
        </ul>
      </details>
    </figure>
  );
}
