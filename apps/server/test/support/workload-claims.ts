// Claims shaped like the tokens each workload issuer mints, after the claim lists they publish: GitHub's
// "OpenID Connect reference" (with the immutable `owner@id/repo@id` subject), GitLab's "ID token
// authentication" payload, the projected service account token of Kubernetes 1.30+, and SPIFFE's JWT-SVID
// standard as SPIRE mints it (with `jwt_issuer` set, so that the token carries `iss`). Ids are strings where
// the issuer writes strings; the times keep each issuer's own spacing of `nbf`, `iat` and `exp`.

/** Who mints a token, for whom, and when (seconds since the epoch). */
export interface Minting {
  readonly issuer: string;
  readonly audience: string;
  readonly now: number;
}

/** A GitHub repository by the names that can change hands and the ids that never do. */
export interface GithubRepository {
  readonly owner: string;
  readonly ownerId: string;
  readonly name: string;
  readonly id: string;
}

const OCTO_REPO: GithubRepository = { owner: "octo-org", ownerId: "65", name: "octo-repo", id: "74" };
/** Another repository of the same owner. */
export const OCTO_SITE: GithubRepository = { ...OCTO_REPO, name: "octo-site", id: "1296269" };
/** A fork: the same repository name under another owner, with ids of its own. */
export const OCTO_FORK: GithubRepository = {
  owner: "mallory",
  ownerId: "4096",
  name: "octo-repo",
  id: "8811",
};

export interface GithubJob {
  readonly repository: GithubRepository;
  readonly ref: string;
  readonly environment: string;
}

const DEPLOY_JOB: GithubJob = { repository: OCTO_REPO, ref: "refs/heads/main", environment: "prod" };
const GITHUB_SHA = "c040cae0f0dc81641728557b80f09cfa23b83fe5";

/**
 * A GitHub Actions job deploying to an environment. Its `sub` is the immutable form GitHub writes for
 * repositories created or renamed since July 2026: each name followed by `@` and its id.
 */
export function githubActionsClaims(minting: Minting, job: Partial<GithubJob> = {}) {
  const { repository, ref, environment } = { ...DEPLOY_JOB, ...job };
  const { owner, ownerId, name, id } = repository;
  const workflowRef = `${owner}/${name}/.github/workflows/deploy.yml@${ref}`;
  return {
    jti: crypto.randomUUID(),
    sub: `repo:${owner}@${ownerId}/${name}@${id}:environment:${environment}`,
    environment,
    aud: minting.audience,
    ref,
    sha: GITHUB_SHA,
    repository: `${owner}/${name}`,
    repository_owner: owner,
    actor_id: "583231",
    repository_visibility: "private",
    repository_id: id,
    repository_owner_id: ownerId,
    run_id: "22259804324",
    run_number: "42",
    run_attempt: "1",
    runner_environment: "github-hosted",
    actor: "octocat",
    workflow: "Deploy",
    head_ref: "",
    base_ref: "",
    event_name: "workflow_dispatch",
    ref_protected: "true",
    ref_type: "branch",
    workflow_ref: workflowRef,
    workflow_sha: GITHUB_SHA,
    job_workflow_ref: workflowRef,
    job_workflow_sha: GITHUB_SHA,
    check_run_id: "90000001",
    iss: minting.issuer,
    nbf: minting.now - 600,
    exp: minting.now + 300,
    iat: minting.now,
  };
}

/** A GitLab project: its group (namespace) and itself, by path and by id. */
export interface GitlabProject {
  readonly namespacePath: string;
  readonly namespaceId: string;
  readonly path: string;
  readonly id: string;
}

const PLATFORM_API: GitlabProject = {
  namespacePath: "acme-platform",
  namespaceId: "68413579",
  path: "acme-platform/billing-api",
  id: "46573356",
};
/** Another project of the same group. */
export const PLATFORM_DOCS: GitlabProject = { ...PLATFORM_API, path: "acme-platform/docs", id: "46573402" };

export interface GitlabJob {
  readonly project: GitlabProject;
  readonly branch: string;
  /** GitLab writes it as the string "true" or "false". */
  readonly refProtected: "true" | "false";
}

const RELEASE_JOB: GitlabJob = { project: PLATFORM_API, branch: "main", refProtected: "true" };
const GITLAB_SHA = "8fe1b322a576d59fe6257052a4107df7dc1b8c78";

/** A GitLab CI/CD job's ID token (`id_tokens:` in `.gitlab-ci.yml`), valid for the job timeout (1 h). */
export function gitlabCiClaims(minting: Minting, job: Partial<GitlabJob> = {}) {
  const { project, branch, refProtected } = { ...RELEASE_JOB, ...job };
  return {
    namespace_id: project.namespaceId,
    namespace_path: project.namespacePath,
    project_id: project.id,
    project_path: project.path,
    user_id: "184239",
    user_login: "ada",
    user_email: "ada@acme.example",
    user_access_level: "maintainer",
    job_project_id: project.id,
    job_project_path: project.path,
    job_namespace_id: project.namespaceId,
    job_namespace_path: project.namespacePath,
    pipeline_id: "1519139981",
    pipeline_source: "push",
    job_id: "8222997048",
    ref: branch,
    ref_type: "branch",
    ref_path: `refs/heads/${branch}`,
    ref_protected: refProtected,
    groups_direct: [project.namespacePath],
    runner_id: 12270835,
    runner_environment: "gitlab-hosted",
    sha: GITLAB_SHA,
    project_visibility: "private",
    ci_config_ref_uri: `gitlab.com/${project.path}//.gitlab-ci.yml@refs/heads/${branch}`,
    ci_config_sha: GITLAB_SHA,
    jti: crypto.randomUUID(),
    iss: minting.issuer,
    iat: minting.now,
    nbf: minting.now - 5,
    exp: minting.now + 3600,
    sub: `project_path:${project.path}:ref_type:branch:ref:${branch}`,
    aud: minting.audience,
  };
}

export interface KubernetesPod {
  readonly namespace: string;
  readonly serviceAccount: string;
}

const LEDGER_POD: KubernetesPod = { namespace: "payments", serviceAccount: "ledger" };

/**
 * A projected service account token of a pod (`serviceAccountToken` with this server as `audience` and the
 * default `expirationSeconds`, 1 h), bound to the pod and its node; the kubelet hands the same token to the
 * pod until 80 % of its life has passed.
 */
export function kubernetesClaims(minting: Minting, pod: Partial<KubernetesPod> = {}) {
  const { namespace, serviceAccount } = { ...LEDGER_POD, ...pod };
  return {
    aud: [minting.audience],
    exp: minting.now + 3600,
    iat: minting.now,
    iss: minting.issuer,
    jti: crypto.randomUUID(),
    "kubernetes.io": {
      namespace,
      node: { name: "pool-a-7f9c4", uid: "517eb86e-b863-451b-bf70-86cb61439a3a" },
      pod: { name: `${serviceAccount}-5d8f7b9c4-x2kqp`, uid: "0d8b260e-ef0e-45fb-be8e-ff44f97722e8" },
      serviceaccount: { name: serviceAccount, uid: "e6a8680e-d103-4cce-80ea-03acbbeacf7d" },
    },
    nbf: minting.now,
    sub: `system:serviceaccount:${namespace}:${serviceAccount}`,
  };
}

/**
 * A JWT-SVID as SPIRE mints it (default TTL 5 min): `sub` is the workload's SPIFFE ID, `aud` a list, and no
 * `jti`, since a workload reuses its SVID until it expires.
 */
export function spiffeSvidClaims(minting: Minting, spiffeId: string) {
  return {
    aud: [minting.audience],
    exp: minting.now + 300,
    iat: minting.now,
    iss: minting.issuer,
    sub: spiffeId,
  };
}
