"use client";

import { useEffect, useState } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { AreaHeader } from "./area-header";

type TMe = { name: string; role: Role };

/**
 * The signed-in header for pages served from the cache: who is signed in is asked of /api/me, so the
 * page itself stays the same for everyone. A session that ended meanwhile sends the reader to sign in.
 */
export function ReaderHeader() {
  const [me, setMe] = useState<TMe | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/me", { credentials: "same-origin" })
      .then(async (response) => {
        if (response.status === 401) {
          window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
          return;
        }
        const body = (await response.json()) as { user: TMe };
        if (live) setMe(body.user);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return <AreaHeader user={me} />;
}
