/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // argon2 is a native addon and pg has optional native bindings: load them from node_modules at runtime.
  serverExternalPackages: ["@node-rs/argon2", "pg"],
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
