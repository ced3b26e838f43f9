// Starts index.js the way `probot run` does, with one difference: the GitHub API base comes from GITHUB_API_URL
// (`probot run` only knows GHE_HOST, which adds /api/v3 to the path). Env: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET,
// GITHUB_API_URL, PORT (3000), HOST (127.0.0.1), LOG_LEVEL (info). Webhooks at /api/github/webhooks, GET /ping.
import { Probot, Server } from "probot";
import app from "./index.js";

const server = new Server({
  host: process.env.HOST || "127.0.0.1",
  port: Number(process.env.PORT) || 3000,
  Probot: Probot.defaults({
    appId: process.env.APP_ID,
    privateKey: process.env.PRIVATE_KEY,
    secret: process.env.WEBHOOK_SECRET,
    baseUrl: process.env.GITHUB_API_URL || "https://api.github.com",
    logLevel: process.env.LOG_LEVEL || "info",
  }),
});
await server.load(app);
await server.start();
