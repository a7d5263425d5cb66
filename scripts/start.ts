/**
 * `npm start`: builds the app when the build is missing or stale, then serves it on PORT (default 3000)
 * with a migrated, seeded database (the embedded one unless DATABASE_URL is set). Ctrl-C or SIGTERM
 * stops the server first, then the database.
 */
import { buildIfStale } from "./build-if-stale";
import { runWithDatabase } from "./with-db";

buildIfStale();
process.env.PORT ??= "3000";
// NOTE: our own server around Next's handler (scripts/serve.ts): trusted client addresses, graceful stop.
runWithDatabase({}, [process.execPath, "--import", "tsx", "scripts/serve.ts"]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
