/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // argon2 is a native addon and pg has optional native bindings: load them from node_modules at runtime.
  serverExternalPackages: ["@node-rs/argon2", "pg"],
  // NOTE: 4 MB lets an admin import a course zip (the whole course is ~0.1 MB) and paste a long article;
  // every other action caps its own fields far lower with zod.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "4mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // NOTE: no script-src yet: nonces need per-request rendering, and lesson pages are cached (decision 007).
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'" },
        ],
      },
    ];
  },
};

export default nextConfig;
