import { NotFoundMessage } from "@/components/layout/not-found-message";

export default function LearnNotFound() {
  return <NotFoundMessage home="/learn" />;
}
