"use client";

import { useEffect, useRef } from "react";
import { takeFocusRequest } from "./focus-after-render";

/**
 * The heading of a submitted attempt's result. Right after a submission it takes the focus, so a screen
 * reader reads the score out and the keyboard carries on from here (Tab reaches Retake); on a plain page
 * load it leaves the focus alone.
 */
export function ResultHeading({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocusRequest("result")) ref.current?.focus();
  }, []);
  return (
    <h2 id="result-heading" ref={ref} tabIndex={-1} className="text-xl font-semibold">
      {children}
    </h2>
  );
}
