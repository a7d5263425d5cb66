import { handlers } from "@/lib/auth/config";

// NOTE: only GET. Signing in goes through our server action (rate-limited, same message for every
// failure); exporting POST would open next-auth's own credentials endpoint beside it, unthrottled.
export const { GET } = handlers;
