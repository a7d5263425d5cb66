/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // argon2 is a native addon and pg has optional native bindings: load them from node_modules at runtime.
  serverExternalPackages: ["@node-rs/argon2", "pg"],
  // NOTE: 4 MB lets an admin import a course zip (the whole course is ~0.1 MB) and paste a long article;
  // every other action caps its own fields far lower with zod.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "4mb" } },
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    return [
      { source: "/:path*", headers: common },
      // Pages get a per-request policy with a script nonce from proxy.ts (docs/decisions/011); JSON and
      // files are never documents that may load anything.
      {
        source: "/(api|_next)/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
      // The static page a front proxy shows while no node answers (docs/deploy.md): no script at all.
      {
        source: "/unavailable.html",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
    ];
  },
};

export default nextConfig;
