// A straightforward Probot app doing the bot's two PR checks, the way a typical Probot app would: every relevant
// event is handled before the delivery is answered (Probot's default), the configuration and the reviews are read
// again for every event, and each event creates both check runs anew. For the side-by-side benchmark only
// (docs/benchmarks.md); it is not the product. What it leaves out is listed there.
import { parse } from "yaml";

const WEEK = 7 * 24 * 3600 * 1000;

export default (app) => {
  app.on(
    ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened", "pull_request_review.submitted"],
    async (context) => {
      const pr = context.payload.pull_request;
      const config = await orgConfig(context);
      const reviews = await reviewRules(context, config, pr);
      const freeze = releaseFreeze(context, config, pr);
      for (const [name, check] of [["review-rules", reviews], ["release-freeze", freeze]]) {
        await context.octokit.rest.checks.create(context.repo({
          name,
          head_sha: pr.head.sha,
          status: "completed",
          conclusion: check.pass ? "success" : "failure",
          output: { title: check.title, summary: check.summary },
        }));
      }
    },
  );
};

// release-bot.yml at the root of the org's .github repository (context.config would read .github/release-bot.yml
// of the repository first, then of the org's .github repository: one more read per event)
async function orgConfig(context) {
  const { data } = await context.octokit.rest.repos.getContent({
    owner: context.payload.repository.owner.login, repo: ".github", path: "release-bot.yml",
  });
  return parse(Buffer.from(data.content, "base64").toString("utf8")) || {};
}

async function reviewRules(context, config, pr) {
  const rules = config.reviews || {};
  const required = rules["required-approvals"] ?? 2;
  const distinct = rules["distinct-organisations"] ?? 2;
  const dismissStale = rules["dismiss-stale"] ?? true;
  const reviews = await context.octokit.paginate(context.octokit.rest.pulls.listReviews,
    context.repo({ pull_number: pr.number, per_page: 100 }));
  const latest = new Map();
  for (const review of reviews) {
    if (review.user && review.state !== "COMMENTED") latest.set(review.user.login.toLowerCase(), review);
  }
  const approvers = [...latest.values()].filter((r) => r.state === "APPROVED" && r.user.type !== "Bot"
    && r.user.login.toLowerCase() !== pr.user.login.toLowerCase() && (!dismissStale || r.commit_id === pr.head.sha));
  const organisations = new Set();
  const lines = [];
  for (const review of approvers) {
    const organisation = await organisationOf(context, config, review.user.login);
    if (organisation) organisations.add(organisation.toLowerCase());
    lines.push(`- ${review.user.login} (${organisation || "no organisation"}): approved`);
  }
  const pass = approvers.length >= required && organisations.size >= distinct;
  const title = pass ? "Review rules met"
    : `${approvers.length} of ${required} approvals, ${organisations.size} of ${distinct} organisations`;
  return { pass, title, summary: lines.join("\n") || "No approvals on the head commit yet." };
}

async function organisationOf(context, config, login) {
  for (const [organisation, logins] of Object.entries(config.affiliations || {})) {
    if (logins.some((l) => String(l).toLowerCase() === login.toLowerCase())) return organisation;
  }
  if (config["affiliation-fallback"] === "none") return null;
  const { data } = await context.octokit.rest.users.getByUsername({ username: login });
  return data.company ? data.company.trim() : null;
}

function releaseFreeze(context, config, pr) {
  const freeze = config.freeze || {};
  const repo = context.payload.repository.name;
  const release = (config.releases || []).find((r) => (r.repos || []).includes(repo));
  const branches = freeze.branches || ["main", "master", "release/*"];
  const frozenBranch = branches.some((b) => new RegExp(`^${b.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`)
    .test(pr.base.ref));
  if (!release || !frozenBranch) return { pass: true, title: "Not frozen", summary: "No freeze applies to this branch." };
  const end = new Date(release["release-date"]);
  const start = (explicit, from, weeks) => explicit === "none" ? null
    : explicit ? new Date(explicit) : new Date(new Date(from).getTime() - weeks * WEEK);
  const feature = start(release["feature-freeze"], release["pi-kickoff"], freeze["feature-freeze-weeks-before-pi-kickoff"] ?? 6);
  const bugfix = start(release["bugfix-freeze"], release["release-date"], freeze["bugfix-freeze-weeks-before-release"] ?? 4);
  const now = new Date();
  const active = (from) => from !== null && from <= now && now < end;
  const type = (/^(\w+)(\([^)]*\))?!?:/.exec(pr.title) || [])[1];
  const isFeature = (freeze["feature-types"] || ["feat"]).includes(type);
  const allowed = (freeze["allowed-during-bugfix-freeze-labels"] || ["priority: critical"]);
  if (active(bugfix) && !(pr.labels || []).some((l) => allowed.includes(l.name))) {
    return { pass: false, title: `Bug-fix freeze of ${release.version}`, summary: `Frozen from ${bugfix.toISOString()}.` };
  }
  if (active(feature) && isFeature) {
    return { pass: false, title: `Feature freeze of ${release.version}`, summary: `Frozen from ${feature.toISOString()}.` };
  }
  return { pass: true, title: "Not frozen", summary: `${release.version}: this PR may be merged.` };
}
