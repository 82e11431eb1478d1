import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { read, runOk, tool } from './tools';

// .gitlab-ci.yml against GitLab's own CI/CD JSON schema (the one its pipeline editor uses), offline: the copy that
// the PyPI package check-jsonschema vendors (scripts/services/gitlab-ci-schema.sh).

interface Job {
  image?: string;
  variables?: Record<string, string>;
  before_script?: string[];
  script?: string[];
  rules?: { if?: string }[];
}
type Pipeline = Record<string, unknown> & { default: { image: string } };

describe('.gitlab-ci.yml', () => {
  let validate: ReturnType<Ajv['compile']>;
  const pipeline = load(read('.gitlab-ci.yml')) as Pipeline;
  const job = (name: string) => pipeline[name] as Job;

  beforeAll(() => {
    const schema = JSON.parse(readFileSync(tool('MARKET_TEST_GITLAB_CI_SCHEMA', 'gitlab-ci-schema'), 'utf8'));
    // strict: false — the schema uses GitLab's own annotation keywords (markdownDescription, …).
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  });

  test('is valid against GitLab CI schema', () => {
    expect(validate(pipeline) ? [] : validate.errors).toEqual([]);
  });

  test('the schema check catches mistakes (a stage that is not a string, an unknown job keyword)', () => {
    const broken = structuredClone(pipeline) as Record<string, Record<string, unknown>>;
    broken.lint!.stage = 42;
    broken.typecheck!.scirpt = ['npm run typecheck'];
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/lint/stage', '/typecheck']));
  });

  test('the jobs run on Node 22; the test job gets Go 1.26+ for the service stack', () => {
    expect(pipeline.default.image).toBe('node:22-bookworm');
    const test = job('test');
    expect(test.image).toBeUndefined();
    expect(test.variables?.GOTOOLCHAIN).toMatch(/^go1\.(2[6-9]|[3-9]\d)\.\d+$/);
    // A Go that knows GOTOOLCHAIN (1.21+) comes first on the PATH: bookworm's golang-go (1.19) does not.
    expect(test.before_script?.join('\n')).toMatch(/golang-1\.(2[1-9])-go/);
    expect(test.script).toEqual(['bash .ci/run']);
  });

  test("the image CI pushes for a release is the Helm chart's default tag (appVersion)", () => {
    const build = job('build-image');
    expect(build.rules?.map((r) => r.if)).toEqual([
      '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
      expect.stringContaining('$CI_COMMIT_TAG =~'),
    ]);
    const [versionLine, ...rest] = build.script!;
    expect(versionLine).toMatch(/^APP_VERSION=\$\(.*helm\/market\/Chart\.yaml\)$/);
    // The job's own command, run here: it must read the chart's appVersion.
    const appVersion = (load(read('helm/market/Chart.yaml')) as { appVersion: string }).appVersion;
    expect(runOk('sh', ['-c', `${versionLine}\nprintf %s "$APP_VERSION"`])).toBe(appVersion);
    const body = rest.join('\n');
    expect(body).toContain('"$CI_COMMIT_TAG" != "v$APP_VERSION"');
    expect(body).toContain('--tag "$CI_REGISTRY_IMAGE:$APP_VERSION"');
    expect(body).toContain('--tag "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"');
  });
});
