import type { ButtonHTMLAttributes } from "react";

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" };

const VARIANTS = {
  primary: "bg-accent text-white hover:bg-accent-strong disabled:bg-slate-400",
  secondary: "border border-slate-400 bg-white text-ink hover:bg-slate-100 disabled:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
};

export function Button({ variant = "primary", className = "", ...props }: TButtonProps) {
  return (
    <button
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 font-medium transition-colors ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
