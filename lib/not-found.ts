import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a lib read and turns its NOT_FOUND into the page's 404. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
