set -e
PORT=3000 HOST=127.0.0.1 node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/serve.ts > /tmp/prof/server.log 2>&1 &
PID=$!
for i in $(seq 1 60); do curl -sf http://127.0.0.1:3000/api/health >/dev/null && break; sleep 1; done
COOKIE=$(node -e '
const { encode } = require("next-auth/jwt");
const pg = require("pg");
(async () => { const db = new pg.Client({ connectionString: process.env.DATABASE_URL }); await db.connect();
const { rows } = await db.query(`SELECT id FROM "User" WHERE email=$1`, ["student@crosscheck.test"]);
const t = await encode({ token: { sub: rows[0].id, uid: rows[0].id, sv: 0 }, secret: process.env.AUTH_SECRET, salt: "authjs.session-token" });
console.log("authjs.session-token=" + t); await db.end(); })();')
curl -s -o /dev/null -w "%{http_code}\n" -H "cookie: $COOKIE" http://127.0.0.1:3000/learn/september-2023/from-blockade-to-exodus
npx autocannon -c 20 -d 10 -H "cookie=$COOKIE" http://127.0.0.1:3000/learn/september-2023/from-blockade-to-exodus 2>&1 | grep -E "Req/Sec|requests in"
kill -INT $PID; sleep 3; kill $PID 2>/dev/null || true; sleep 2
