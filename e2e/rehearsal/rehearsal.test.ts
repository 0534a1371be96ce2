// The production rehearsal (issue #16): production staged with the real
// images behind a Traefik-like proxy, Coolify-like rolling updates and faults
// under an open-loop load of ≥ 100 requests/s. Each scenario is one test with
// a pass/fail line and its figures; the suite writes docs/reliability.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  docker,
  dockerBin,
  requireDocker,
  runCommand,
  waitHealthy as waitHealthyContainer,
} from '@zamio/testing/docker-cli';
import { describeLoad, LoadGenerator, type LoadReport } from './support/load';
import { RehearsalProxy } from './support/proxy';
import { record, recoveryTime, writeReliabilityDoc, type ScenarioResult } from './support/report';
import type { DeployOutcome } from './support/rolling-update';
import { Stage, type App } from './support/stage';
import {
  API_HOST,
  Client,
  multipart,
  ORIGIN,
  PORTAL_HOST,
  rehearsalAudio,
  requestMix,
  type AcceptedCaptures,
  type Refusals,
  type TrafficContext,
} from './support/traffic';

const available = await requireDocker('production rehearsal');
const RATE = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[rehearsal ${new Date().toISOString().slice(11, 19)}] ${line}`);
// REHEARSAL_ONLY=0,1a,…: run only these scenarios (by the number before the
// dot; `chain` for the airplay chain) while iterating on one. Such a partial
// run never rewrites docs/reliability.md: that table is the full suite's.
const only = (process.env.REHEARSAL_ONLY ?? '')
  .split(',')
  .map((id) => id.trim())
  .filter(Boolean);
const scenario = (id: string) => (only.length === 0 || only.includes(id) ? it : it.skip);

describe.runIf(available)('production rehearsal', () => {
  const stage = new Stage();
  let proxy: RehearsalProxy;
  let traffic: TrafficContext;
  let station: Client;
  let trackId = '';
  const audio = rehearsalAudio();

  beforeAll(async () => {
    const started = Date.now();
    await stage.build(log);
    await stage.startInfrastructure();
    proxy = new RehearsalProxy({
      run: stage.id,
      network: stage.network,
      forwardedProto: 'https',
      routes: {
        [API_HOST]: { service: 'bff', port: 3000 },
        [PORTAL_HOST]: { service: 'artist', port: 8080 },
      },
      onChange: (change, left) => {
        log(`proxy: ${change.service} → [${change.backends.join(', ')}]`);
        // Why a container that still runs left the rotation: its last health checks.
        for (const container of left)
          void runCommand(dockerBin, [
            'inspect',
            '--format',
            '{{.State.Status}} {{json .State.Health}}',
            container,
          ]).then((answer) => log(`proxy: ${container} left: ${answer.output.trim().slice(0, 1500)}`));
      },
    });
    await proxy.start();
    // First deploys: the bff migrates first, then the worker and the portal.
    const first = await stage.deploy('bff', { log });
    if (!first.ok) throw new Error(`first bff deploy failed:\n${first.newLogs}`);
    const [worker, portal] = await Promise.all([
      stage.deploy('worker', { log }),
      stage.deploy('artist', { log }),
    ]);
    if (!worker.ok || !portal.ok)
      throw new Error(`first deploys failed:\n${worker.newLogs}\n${portal.newLogs}`);
    await proxy.waitForBackends('bff', [stage.current.bff!]);
    await proxy.waitForBackends('artist', [stage.current.artist!]);

    // Accounts through the proxy, as the portals create them.
    const artist = new Client(proxy.port);
    const artistEmail = `artist-${stage.id}@rehearsal.test`;
    await artist.signup(artistEmail, 'artist', 'Rehearsal Artist');
    await artist.login(artistEmail);
    station = new Client(proxy.port);
    const stationEmail = `station-${stage.id}@rehearsal.test`;
    await station.signup(stationEmail, 'station', 'Rehearsal FM');
    // What an admin's approval does (there is no admin in this staging yet).
    await stage.psql(
      `UPDATE users SET status = 'active', approved_at = now() WHERE email = '${stationEmail}'`,
    );
    await station.login(stationEmail);
    const device = await station.request('POST', '/api/station/devices', { name: 'rehearsal-device' });
    expect(device.status, JSON.stringify(device.body)).toBe(201);

    const created = await artist.request('POST', '/api/artist/tracks', {
      title: 'Rehearsal Highlife',
      genre: 'Highlife',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    trackId = (created.body as { id: string }).id;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(audio.master)], { type: 'audio/wav' }), 'master.wav');
    const uploaded = await artist.request('PUT', `/api/artist/tracks/${trackId}/audio`, form);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    const readyBy = Date.now() + 180_000;
    let trackStatus = '';
    while (trackStatus !== 'ready' && Date.now() < readyBy) {
      trackStatus = (
        (await artist.request('GET', `/api/artist/tracks/${trackId}`)).body as { status: string }
      ).status;
      if (trackStatus === 'failed') throw new Error('the rehearsal track failed to fingerprint');
      await sleep(500);
    }
    expect(trackStatus).toBe('ready');
    traffic = {
      artist,
      artistEmail,
      deviceToken: (device.body as { token: string }).token,
      slices: audio.slices,
      sliceSeconds: audio.sliceSeconds,
      timeline: (Math.floor(Date.now() / 60_000) - 100_000) * 60_000,
    };
    log(`staged in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });

  afterAll(async () => {
    if (only.length === 0) writeReliabilityDoc();
    await proxy?.stop();
    await stage.teardown();
  });

  /** Load for the whole scenario: warm-up, the disruption, then a settle time. */
  async function underLoad<T>(
    label: string,
    disrupt: () => Promise<T>,
    settleMs = 4_000,
  ): Promise<{
    load: LoadReport;
    accepted: AcceptedCaptures;
    refusals: Refusals;
    disruptionStart: number;
    value: T;
  }> {
    const accepted: AcceptedCaptures = new Set();
    const refusals: Refusals = { captures: new Set(), without503RetryAfter: 0 };
    const load = new LoadGenerator({
      port: proxy.port,
      rate: RATE,
      timeoutMs: 10_000,
      mix: requestMix(traffic, `${stage.id}-${label}`, accepted, refusals),
      websockets: [
        { host: API_HOST, path: '/api/live', headers: { cookie: traffic.artist.cookie, origin: ORIGIN } },
      ],
      // The artist portal's own live client, through the portal's nginx to the bff.
      portalClients: [
        {
          host: PORTAL_HOST,
          path: '/api/live',
          headers: { cookie: traffic.artist.cookie, origin: `https://${PORTAL_HOST}` },
        },
      ],
    });
    load.start();
    await sleep(3_000);
    const disruptionStart = Date.now();
    const value = await disrupt();
    await sleep(settleMs);
    // Under load still: the portal's live client gets up to 15 s more to reconnect.
    await load.portalClientsOpen(15_000);
    const report = await load.stop();
    log(`${label}: ${describeLoad(report)}`);
    return { load: report, accepted, refusals, disruptionStart, value };
  }

  /** Every capture accepted during a run ends matched, with exactly one detection. */
  async function capturesMatchedOnce(label: string, accepted: AcceptedCaptures): Promise<string[]> {
    const prefix = `${stage.id}-${label}-`;
    const rows = async () =>
      (
        await stage.psql(
          `SELECT c.chunk_id, c.status, (SELECT count(*) FROM detections d WHERE d.capture_id = c.id)
             FROM captures c WHERE c.chunk_id LIKE '${prefix}%'`,
        )
      )
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t') as [string, string, string]);
    const deadline = Date.now() + 180_000;
    let current = await rows();
    while (current.some(([, status]) => status === 'pending') && Date.now() < deadline) {
      await sleep(1_000);
      current = await rows();
    }
    const problems: string[] = [];
    if (accepted.size === 0) problems.push('no capture was accepted during the run');
    const byChunk = new Map(
      current.map(([chunk, status, detections]) => [chunk, { status, detections: Number(detections) }]),
    );
    for (const chunk of accepted) {
      const row = byChunk.get(chunk);
      if (!row) problems.push(`capture ${chunk} answered 202 but is not stored`);
      else if (row.status !== 'matched' || row.detections !== 1)
        problems.push(`capture ${chunk}: ${row.status} with ${row.detections} detections`);
    }
    return problems;
  }

  /** What every run under load must show: no failed request, every capture matched once, the portal client connected. */
  async function loadRunProblems(
    label: string,
    run: { load: LoadReport; accepted: AcceptedCaptures },
    failedWhat = 'failed requests',
    shown = 10,
  ): Promise<string[]> {
    const failed =
      run.load.failed > 0
        ? [`${run.load.failed} ${failedWhat}: ${JSON.stringify(run.load.failures.slice(0, shown))}`]
        : [];
    return [
      ...failed,
      ...(await capturesMatchedOnce(label, run.accepted)),
      ...portalClientProblems(run.load),
    ];
  }

  /** The portal's live client must be connected at the end of every run (reconnected if it was dropped). */
  function portalClientProblems(load: LoadReport): string[] {
    const { statusAtEnd, disconnects, reconnects } = load.portalLive;
    return statusAtEnd.every((status) => status === 'open')
      ? []
      : [
          `the portal's live client ended ${statusAtEnd.join('/')} (${disconnects} disconnects, ${reconnects} reconnects)`,
        ];
  }

  function portalClientNote(load: LoadReport): string {
    const { disconnects, reconnects } = load.portalLive;
    return disconnects === 0
      ? 'portal live client stayed connected'
      : `portal live client dropped ${disconnects}× and reconnected ${reconnects}×`;
  }

  function drainMargin(old: string | undefined): number | undefined {
    if (!old) return undefined;
    const left = proxy.leftRotationAt(old);
    const died = proxy.diedAt(old);
    return left !== undefined && died !== undefined ? died - left : undefined;
  }

  function deployNotes(outcome: DeployOutcome): string[] {
    const notes = [`deploy ${outcome.ok ? 'succeeded' : `FAILED (${outcome.reason})`}`];
    if (outcome.healthyAt)
      notes.push(`new healthy after ${((outcome.healthyAt - outcome.startedAt) / 1000).toFixed(1)} s`);
    if (outcome.stopIssuedAt && outcome.stoppedAt)
      notes.push(
        `old stopped in ${((outcome.stoppedAt - outcome.stopIssuedAt) / 1000).toFixed(1)} s, exit ${outcome.oldExitCode}`,
      );
    return notes;
  }

  /** A rolling update of one app under load, judged as issue #16 asks. */
  async function rollingUnderLoad(
    scenario: string,
    app: App,
    image?: string,
    extraNotes: string[] = [],
  ): Promise<ScenarioResult> {
    const old = stage.current[app];
    const label = scenario.split(' ')[0]!.replace(/[^a-z0-9]/gi, '') + app;
    const run = await underLoad(label, () => stage.deploy(app, { image, log }));
    const outcome = run.value;
    const problems: string[] = [];
    if (!outcome.ok) problems.push(`deploy failed: ${outcome.reason}\n${outcome.newLogs}`);
    if (run.load.failed > 0)
      problems.push(`${run.load.failed} failed requests: ${JSON.stringify(run.load.failures.slice(0, 10))}`);
    if (run.load.sent < RATE * 10) problems.push(`only ${run.load.sent} requests sent`);
    if (run.load.websockets.uncleanCloses > 0) problems.push('a WebSocket closed uncleanly');
    problems.push(...portalClientProblems(run.load));
    if (outcome.oldExitCode !== 0) problems.push(`old container exited ${outcome.oldExitCode}`);
    const margin = app === 'worker' ? undefined : drainMargin(old);
    if (app !== 'worker' && !(margin !== undefined && margin > 0))
      problems.push(
        `the old container left the proxy ${margin === undefined ? 'never' : `${margin} ms after its exit`}`,
      );
    const captureProblems = await capturesMatchedOnce(label, run.accepted);
    problems.push(...captureProblems);
    return {
      scenario,
      load: run.load,
      recoveryMs: recoveryTime(run.load, run.disruptionStart),
      drainMarginMs: margin,
      notes: [
        ...deployNotes(outcome),
        `${run.accepted.size} captures accepted, ${captureProblems.length ? `${captureProblems.length} not matched exactly once` : 'all matched once'}`,
        portalClientNote(run.load),
        ...extraNotes,
      ],
      problems,
    };
  }

  scenario('chain')(
    'airplay chain across separate bff and worker containers sharing storage: capture → detection → play through the proxy',
    async () => {
      const device = { authorization: `Bearer ${traffic.deviceToken}` };
      const chunkId = `${stage.id}-chain-1`;
      const { body, type } = multipart(
        {
          chunk_id: chunkId,
          started_at: new Date(traffic.timeline - 3_600_000).toISOString(),
          duration: '8',
        },
        audio.slices[1]!,
        'chain.wav',
      );
      const sent = await station.request(
        'POST',
        '/api/station/captures',
        new Blob([new Uint8Array(body)], { type }),
        {
          ...device,
          'content-type': type,
        },
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
      const capture = await expect
        .poll(
          async () => {
            const page = (await station.request('GET', '/api/station/captures?limit=200')).body as {
              items: {
                chunkId: string;
                status: string;
                result: { trackId: string; detectionId: string } | null;
              }[];
            };
            return page.items.find((c) => c.chunkId === chunkId)?.status;
          },
          { timeout: 90_000, interval: 500 },
        )
        .toBe('matched');
      void capture;
      const plays = (await station.request('GET', `/api/station/plays?track=${trackId}`)).body as {
        items: { trackId: string; detectionIds: string[] }[];
      };
      expect(plays.items.length).toBeGreaterThanOrEqual(1);
      expect(plays.items[0]!.trackId).toBe(trackId);
      // The worker, a separate container, read the file the bff stored on the shared volume.
      const stored = await docker(
        'exec',
        stage.current.worker!,
        'ls',
        '/var/lib/zamio/uploads/capture-audio',
      );
      expect(stored.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(1);
      record({
        scenario: 'airplay chain (bff and worker containers, shared storage)',
        notes: ['capture matched, detection and play listed'],
        problems: [],
      });
    },
  );

  scenario('0')('0. baseline: the load alone, no deploy or fault (what the machine sustains)', async () => {
    const run = await underLoad('0base', async () => undefined, 20_000);
    const problems: string[] = [];
    problems.push(...(await loadRunProblems('0base', run, 'failed requests with nothing deployed', 5)));
    expect(
      record({
        scenario: '0. baseline (load only)',
        load: run.load,
        recoveryMs: recoveryTime(run.load, run.disruptionStart),
        notes: [`${run.accepted.size} captures accepted`],
        problems,
      }),
    ).toEqual([]);
  });

  let bImage = '';
  let bColumn = '';
  scenario('1a')(
    '1a. rolling update of the bff A → B (B adds a column) under load: zero failed',
    async () => {
      const b = await stage.buildBffB();
      bImage = b.image;
      bColumn = b.column;
      const result = await rollingUnderLoad('1a. rolling update bff A→B', 'bff', bImage);
      const columns = await stage.psql(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'tracks' AND column_name = '${bColumn}'`,
      );
      if (columns !== bColumn) result.problems.push(`B's expand migration did not add ${bColumn}`);
      const version = (await traffic.artist.request('GET', '/api/version')).body as { version: string };
      if (!version.version.endsWith('-b')) result.problems.push(`the proxy serves ${version.version}, not B`);
      expect(record(result)).toEqual([]);
    },
  );

  scenario('1b')('1b. rolling update of a portal image under load: zero failed', async () => {
    expect(record(await rollingUnderLoad('1b. rolling update artist portal', 'artist'))).toEqual([]);
  });

  scenario('1c')(
    '1c. rolling update of the worker under load: every capture matched exactly once',
    async () => {
      expect(record(await rollingUnderLoad('1c. rolling update worker', 'worker'))).toEqual([]);
    },
  );

  scenario('2')(
    '2. rollback of the bff B → A under load: zero failed, data written by B readable by A',
    async () => {
      // Written while B serves.
      const written = await traffic.artist.request('POST', '/api/artist/tracks', {
        title: 'Written by B',
        genre: 'Highlife',
      });
      expect(written.status).toBe(201);
      const id = (written.body as { id: string }).id;
      const result = await rollingUnderLoad('2. rollback bff B→A', 'bff', stage.image('bff'));
      const read = await traffic.artist.request('GET', `/api/artist/tracks/${id}`);
      if (read.status !== 200 || (read.body as { title: string }).title !== 'Written by B')
        result.problems.push(`A cannot read B's track: ${read.status} ${JSON.stringify(read.body)}`);
      const version = (await traffic.artist.request('GET', '/api/version')).body as { version: string };
      if (version.version.endsWith('-b')) result.problems.push('B still serves after the rollback');
      const column = await stage.psql(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'tracks' AND column_name = '${bColumn}'`,
      );
      if (column !== bColumn)
        result.problems.push('the expand column disappeared (rollbacks never undo migrations)');
      result.notes.push("B's track read back through A; the expand column stays");
      expect(record(result)).toEqual([]);
    },
  );

  scenario('3')(
    '3. failed deploy (a release whose readiness never passes): the old keeps serving, zero failed, deploy reported failed',
    async () => {
      const image = await stage.buildSlowMigration();
      const old = stage.current.bff!;
      const run = await underLoad('3bff', () => stage.deploy('bff', { image, log }));
      await stage.psql(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()`,
      );
      const problems: string[] = [];
      if (run.value.ok) problems.push('the deploy was reported successful');
      if (stage.current.bff !== old) problems.push('the old container was replaced');
      if ((await docker('inspect', '--format', '{{.State.Status}}', old)) !== 'running')
        problems.push('the old container is not running');
      if (proxy.backendsOf('bff').join() !== old)
        problems.push(`the proxy routes to ${proxy.backendsOf('bff').join()}`);
      const left = (await runCommand(dockerBin, ['inspect', run.value.newContainer])).code === 0;
      if (left) problems.push('the failed container was left behind');
      problems.push(...(await loadRunProblems('3bff', run)));
      expect(
        record({
          scenario: '3. failed deploy (readiness never passes)',
          load: run.load,
          recoveryMs: recoveryTime(run.load, run.disruptionStart),
          notes: [...deployNotes(run.value), `${old} kept serving`],
          problems,
        }),
      ).toEqual([]);
    },
  );

  scenario('7')(
    '7. bad configuration (a bff deploy missing SESSION_SECRET): fails at start with the full report, the old keeps serving',
    async () => {
      const old = stage.current.bff!;
      const env = stage.serverEnv({ SESSION_SECRET: undefined, PUBLIC_API_URL: 'not-a-url' });
      const run = await underLoad('7bff', () => stage.deploy('bff', { env, log }));
      const problems: string[] = [];
      const logs = run.value.newLogs ?? '';
      if (run.value.ok) problems.push('the deploy was reported successful');
      for (const variable of ['SESSION_SECRET', 'PUBLIC_API_URL'])
        if (!logs.includes(variable))
          problems.push(`the start-up report does not name ${variable}:\n${logs.slice(-1500)}`);
      if (stage.current.bff !== old || proxy.backendsOf('bff').join() !== old)
        problems.push('the old container stopped serving');
      problems.push(...(await loadRunProblems('7bff', run)));
      expect(
        record({
          scenario: '7. bad configuration (missing SESSION_SECRET, invalid PUBLIC_API_URL)',
          load: run.load,
          recoveryMs: recoveryTime(run.load, run.disruptionStart),
          notes: [...deployNotes(run.value), 'start-up report names both variables'],
          problems,
        }),
      ).toEqual([]);
    },
  );

  /** Polls the bff container directly (not through the proxy): readiness and liveness over time. */
  function probeBff(container: string) {
    const seen: { at: number; ready: number; live: number }[] = [];
    let stopped = false;
    const done = (async () => {
      const address = await docker(
        'inspect',
        '--format',
        `{{(index .NetworkSettings.Networks "${stage.network}").IPAddress}}`,
        container,
      );
      const status = async (path: string) => {
        try {
          return (await fetch(`http://${address}:3000${path}`, { signal: AbortSignal.timeout(2_000) }))
            .status;
        } catch {
          return 0;
        }
      };
      while (!stopped) {
        const [ready, live] = await Promise.all([status('/readyz'), status('/livez')]);
        seen.push({ at: Date.now(), ready, live });
        await sleep(250);
      }
    })();
    return {
      seen,
      stop: async () => {
        stopped = true;
        await done;
      },
    };
  }

  const startedAtOf = (container: string) =>
    docker('inspect', '--format', '{{.State.StartedAt}} {{.RestartCount}}', container);

  /** Lines of `docker logs` since a time that are not JSON (pino writes one JSON object a line). */
  async function unstructuredLines(container: string, since: number): Promise<string[]> {
    const output = (
      await runCommand(dockerBin, ['logs', '--since', new Date(since).toISOString(), container])
    ).output;
    return output.split('\n').filter((line) => {
      if (!line.trim()) return false;
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch {
        return true;
      }
    });
  }

  async function storedChunks(chunks: Iterable<string>): Promise<string[]> {
    const list = [...chunks];
    if (list.length === 0) return [];
    return (
      await stage.psql(
        `SELECT chunk_id FROM captures WHERE chunk_id IN (${list.map((c) => `'${c}'`).join(',')})`,
      )
    )
      .split('\n')
      .filter(Boolean);
  }

  scenario('4')(
    '4. Postgres restart under load: readiness 503 while down, liveness 200, fast 503s with Retry-After, recovery ≤ 10 s, no restart, nothing half-written',
    async () => {
      const bff = stage.current.bff!;
      const before = await startedAtOf(bff);
      const probe = probeBff(bff);
      let back = 0;
      let downFrom = 0;
      const run = await underLoad(
        '4pg',
        async () => {
          downFrom = Date.now();
          await docker('stop', '-t', '10', stage.postgres);
          await sleep(8_000);
          await docker('start', stage.postgres);
          await waitHealthyContainer(stage.postgres);
          back = Date.now();
          // Recovered: the bff is ready again by itself, and the proxy routes to it.
          const deadline = Date.now() + 30_000;
          while (Date.now() < deadline && !probe.seen.some((s) => s.at > back && s.ready === 200))
            await sleep(100);
          await proxy.waitForBackends('bff', [bff], 30_000).catch(() => undefined);
        },
        6_000,
      );
      await probe.stop();
      const problems: string[] = [];
      const down = probe.seen.filter((s) => s.at > downFrom + 1_500 && s.at < back);
      if (!down.some((s) => s.ready === 503))
        problems.push(
          `readiness never answered 503 while Postgres was down: ${JSON.stringify(down.slice(0, 5))}`,
        );
      const liveBad = probe.seen.filter((s) => s.live !== 200);
      if (liveBad.length)
        problems.push(`liveness failed ${liveBad.length} times: ${JSON.stringify(liveBad.slice(0, 5))}`);
      const readyAgain = probe.seen.find((s) => s.at > back && s.ready === 200);
      const recoveryMs = readyAgain ? readyAgain.at - back : undefined;
      if (recoveryMs === undefined || recoveryMs > 10_000)
        problems.push(`readiness came back ${recoveryMs ?? 'never'} ms after Postgres`);
      if (run.load.timeouts > 0)
        problems.push(`${run.load.timeouts} requests timed out instead of failing fast`);
      const unexpected = Object.keys(run.load.byReason).filter(
        (reason) => reason !== 'HTTP 503' && reason !== 'HTTP 404',
      );
      if (unexpected.length)
        problems.push(`failures other than 503 (bff) or 404 (no available server): ${unexpected.join(', ')}`);
      if (run.refusals.without503RetryAfter > 0)
        problems.push(`${run.refusals.without503RetryAfter} answers 503 without Retry-After`);
      const lastFailure = run.load.failureTimes.at(-1) ?? 0;
      if (lastFailure > back + 10_000)
        problems.push(`requests still failed ${lastFailure - back} ms after Postgres returned`);
      if ((await startedAtOf(bff)) !== before) problems.push('the bff container restarted');
      const halfWritten = await storedChunks(run.refusals.captures);
      if (halfWritten.length) problems.push(`captures answered 5xx but stored: ${halfWritten.join(', ')}`);
      problems.push(...(await capturesMatchedOnce('4pg', run.accepted)));
      problems.push(...portalClientProblems(run.load));
      expect(
        record({
          scenario: '4. Postgres restart (down 8 s)',
          load: run.load,
          recoveryMs: lastFailure > back ? lastFailure - back : 0,
          notes: [
            `readiness 503 for ${down.filter((s) => s.ready !== 200).length} probes while down, ready again ${recoveryMs} ms after Postgres`,
            `${run.accepted.size} captures accepted, ${run.refusals.captures.size} refused with 5xx`,
          ],
          problems,
        }),
      ).toEqual([]);
    },
  );

  scenario('5')(
    '5. Redis down for 20 s: logins and reads keep working, rate limits fall back to memory, live updates and queued work resume, no job lost, only structured logs',
    async () => {
      // An account for the sign-in throttle (failed sign-ins per account and
      // address): with Redis down it must still refuse, from memory.
      const throttled = new Client(proxy.port);
      const throttledEmail = `throttle-${stage.id}@rehearsal.test`;
      await throttled.signup(throttledEmail, 'artist', 'Throttle Probe');
      let throttle: { attempts: number; status: number; retryAfter: string | null } = {
        attempts: 0,
        status: 0,
        retryAfter: null,
      };
      const since = Date.now();
      let back = 0;
      const run = await underLoad(
        '5redis',
        async () => {
          await docker('stop', '-t', '5', stage.redis);
          const downAt = Date.now();
          await sleep(2_000);
          for (let attempt = 1; attempt <= 15 && throttle.status !== 429; attempt++) {
            const answer = await throttled.request('POST', '/api/auth/login', {
              email: throttledEmail,
              password: 'not the password at all',
            });
            throttle = {
              attempts: attempt,
              status: answer.status,
              retryAfter: answer.headers.get('retry-after'),
            };
          }
          await sleep(Math.max(0, 20_000 - (Date.now() - downAt)));
          await docker('start', stage.redis);
          await waitHealthyContainer(stage.redis);
          back = Date.now();
          // Give queued work and the live channel time to resume.
          await sleep(8_000);
        },
        4_000,
      );
      const problems: string[] = [];
      for (const kind of ['read', 'login', 'version', 'portal page', 'portal /api'])
        if ((run.load.byKind[kind]?.failed ?? 0) > 0)
          problems.push(`${run.load.byKind[kind]!.failed} ${kind} requests failed`);
      if (run.load.timeouts > 0) problems.push(`${run.load.timeouts} timeouts`);
      if (throttle.status !== 429 || !throttle.retryAfter)
        problems.push(
          `the sign-in throttle did not fall back to memory: after ${throttle.attempts} failed sign-ins with Redis down the answer was ${throttle.status}${throttle.status === 429 ? ' without Retry-After' : ''}`,
        );
      const halfWritten = await storedChunks(run.refusals.captures);
      if (halfWritten.length) problems.push(`captures answered 5xx but stored: ${halfWritten.join(', ')}`);
      problems.push(...(await capturesMatchedOnce('5redis', run.accepted)));
      problems.push(...portalClientProblems(run.load));
      const lastMessage = run.load.websockets.lastMessageAt ?? 0;
      if (lastMessage < back) problems.push('no live update arrived after Redis returned');
      for (const container of [stage.current.bff!, stage.current.worker!]) {
        const lines = await unstructuredLines(container, since);
        if (lines.length)
          problems.push(`${container} wrote unstructured log lines: ${lines.slice(0, 5).join(' / ')}`);
      }
      expect(
        record({
          scenario: '5. Redis down 20 s',
          load: run.load,
          recoveryMs: recoveryTime(run.load, back),
          notes: [
            `${['read', 'login'].map((kind) => `${run.load.byKind[kind]?.failed ?? 0} of ${run.load.byKind[kind]?.sent ?? 0} ${kind}s failed`).join(', ')}; ${run.accepted.size} captures accepted, ${run.refusals.captures.size} refused (5xx)`,
            `sign-in throttle with Redis down: ${throttle.status} after ${throttle.attempts} failed sign-ins (memory fallback)`,
            `live messages ${run.load.websockets.messages}, ${lastMessage ? `last ${((lastMessage - back) / 1000).toFixed(1)} s after Redis returned` : 'none at all'}`,
          ],
          problems,
        }),
      ).toEqual([]);
    },
  );

  scenario('6')(
    '6. worker SIGKILL mid-job (fingerprint, match, royalty calculation): retried, completes once, no duplicate detection, play or ledger entry',
    async () => {
      const problems: string[] = [];
      const notes: string[] = [];
      const worker = stage.current.worker!;
      const artist = traffic.artist;
      // Fingerprint: kill while the new track's job runs.
      const created = await artist.request('POST', '/api/artist/tracks', {
        title: 'Killed mid-fingerprint',
        genre: 'Highlife',
      });
      const id = (created.body as { id: string }).id;
      const form = new FormData();
      form.append(
        'file',
        new Blob([new Uint8Array(rehearsalAudio(9090).master)], { type: 'audio/wav' }),
        'master.wav',
      );
      expect((await artist.request('PUT', `/api/artist/tracks/${id}/audio`, form)).status).toBe(200);
      const statusOf = async () =>
        ((await artist.request('GET', `/api/artist/tracks/${id}`)).body as { status: string }).status;
      let seenProcessing = false;
      for (let i = 0; i < 200 && !seenProcessing; i++) {
        seenProcessing = (await statusOf()) === 'processing';
        if (!seenProcessing) await sleep(50);
      }
      await docker('kill', '-s', 'KILL', worker);
      notes.push(
        `fingerprint: SIGKILL ${seenProcessing ? 'while the job was processing' : 'before the job was seen processing'}`,
      );
      await runCommand(dockerBin, ['start', worker]);
      const started = Date.now();
      let status = await statusOf();
      while (status !== 'ready' && status !== 'failed' && Date.now() - started < 150_000) {
        await sleep(1_000);
        status = await statusOf();
      }
      if (status !== 'ready') problems.push(`the killed fingerprint job ended ${status}`);
      else
        notes.push(
          `fingerprint job completed ${((Date.now() - started) / 1000).toFixed(0)} s after the restart`,
        );
      const fingerprints = await stage.psql(
        `SELECT count(*) FROM track_fingerprints WHERE track_id = '${id}'`,
      );
      if (fingerprints !== '1') problems.push(`${fingerprints} fingerprint rows for the track`);

      // Matching: captures queued and in progress when the worker dies.
      const label = `${stage.id}-6match`;
      const chunks: string[] = [];
      for (let i = 0; i < 4; i++) {
        const chunk = `${label}-${i}`;
        const { body, type } = multipart(
          {
            chunk_id: chunk,
            started_at: new Date(traffic.timeline - 86_400_000 + i * 8_000).toISOString(),
            duration: '8',
          },
          audio.slices[i]!,
          `${chunk}.wav`,
        );
        const answer = await station.request(
          'POST',
          '/api/station/captures',
          new Blob([new Uint8Array(body)], { type }),
          {
            authorization: `Bearer ${traffic.deviceToken}`,
            'content-type': type,
          },
        );
        expect(answer.status).toBe(202);
        chunks.push(chunk);
      }
      await docker('kill', '-s', 'KILL', worker);
      await runCommand(dockerBin, ['start', worker]);
      problems.push(...(await capturesMatchedOnce('6match', new Set(chunks))));
      const plays = await stage.psql(
        `SELECT count(DISTINCT d.play_id) FROM detections d JOIN captures c ON c.id = d.capture_id WHERE c.chunk_id LIKE '${label}-%'`,
      );
      if (plays !== '1')
        problems.push(`the 4 consecutive captures made ${plays} plays (expected one merged play)`);
      notes.push(`match: 4 captures killed mid-queue, each matched once, ${plays} play`);
      await waitHealthyContainer(worker);

      // Royalty calculation: killed mid-cycle, the retried job resumes where the
      // committed chunks end. Plays come from detections in production; here a
      // real play is copied across an old period so the run lasts long enough
      // to be killed in the middle (the pricing reads nothing else of them).
      const playCount = 12_000;
      await stage.psql(
        `INSERT INTO plays (station_id, track_id, started_at, ended_at, duration_ms, track_offset_ms, detection_count, confidence)
           SELECT p.station_id, p.track_id, t, t + interval '3 minutes', 180000, 0, 1, 0.9
             FROM (SELECT station_id, track_id FROM plays LIMIT 1) p,
                  generate_series(timestamptz '2001-01-01 00:00Z', timestamptz '2001-01-01 00:00Z' + (${playCount} - 1) * interval '4 minutes', interval '4 minutes') t`,
      );
      const admin = new Client(proxy.port);
      const adminEmail = `admin-${stage.id}@rehearsal.test`;
      await admin.signup(adminEmail, 'artist', 'Rehearsal Admin');
      // There is no way to sign up as an admin: promoted as an operator would.
      await stage.psql(`UPDATE users SET role = 'admin', status = 'active' WHERE email = '${adminEmail}'`);
      await admin.login(adminEmail);
      const opened = await admin.request('POST', '/api/admin/cycles', {
        name: 'Rehearsal 2001',
        periodStart: '2001-01-01',
        periodEnd: '2001-03-01',
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      const cycleId = (opened.body as { id: string }).id;
      const cycle = async () =>
        (
          await stage.psql(
            `SELECT status, progress_done, progress_total, coalesce(last_error, '') FROM royalty_cycles WHERE id = '${cycleId}'`,
          )
        ).split('\t');
      const calculate = await admin.request('POST', `/api/admin/cycles/${cycleId}/calculate`);
      expect(calculate.status, JSON.stringify(calculate.body)).toBe(202);
      let [cycleStatus, done] = await cycle();
      for (let i = 0; i < 600 && !(cycleStatus === 'calculating' && Number(done) > 0); i++) {
        await sleep(50);
        [cycleStatus, done] = await cycle();
      }
      await docker('kill', '-s', 'KILL', worker);
      const killedAt = Number(done);
      notes.push(
        `royalties: SIGKILL at ${killedAt} of ${playCount} plays priced (${cycleStatus === 'calculating' ? 'mid-calculation' : `cycle ${cycleStatus}`})`,
      );
      if (cycleStatus !== 'calculating' || killedAt >= playCount)
        problems.push(`the worker was not killed mid-calculation (cycle ${cycleStatus}, ${killedAt} priced)`);
      await runCommand(dockerBin, ['start', worker]);
      const restarted = Date.now();
      let row = await cycle();
      while (row[0] !== 'calculated' && Date.now() - restarted < 180_000) {
        await sleep(1_000);
        row = await cycle();
      }
      if (row[0] !== 'calculated') problems.push(`the killed calculation ended ${row.join(' ')}`);
      else
        notes.push(
          `royalties: cycle calculated ${((Date.now() - restarted) / 1000).toFixed(0)} s after the restart`,
        );
      const [priced, pricedPlays, duplicates, balance, paidPlays] = (
        await stage.psql(
          `SELECT (SELECT count(*) FROM play_pricings WHERE cycle_id = '${cycleId}'),
                  (SELECT count(DISTINCT play_id) FROM play_pricings WHERE cycle_id = '${cycleId}'),
                  (SELECT count(*) FROM (SELECT 1 FROM ledger_entries WHERE cycle_id = '${cycleId}'
                     GROUP BY play_id, entry_type, account_kind, account_id, contributor_id HAVING count(*) > 1) d),
                  (SELECT coalesce(sum(amount_minor), 0) FROM ledger_entries WHERE cycle_id = '${cycleId}'),
                  (SELECT count(DISTINCT play_id) FROM ledger_entries WHERE cycle_id = '${cycleId}' AND entry_type = 'royalty')`,
        )
      )
        .split('\t')
        .map(Number);
      if (priced !== playCount || pricedPlays !== playCount)
        problems.push(`${priced} pricings for ${pricedPlays} of the ${playCount} plays`);
      if (duplicates !== 0) problems.push(`${duplicates} duplicated ledger entries`);
      if (balance !== 0) problems.push(`the cycle's ledger sums to ${balance}, not 0`);
      if (paidPlays !== playCount) problems.push(`${paidPlays} of ${playCount} plays have royalty entries`);
      notes.push(
        `royalties: ${priced} plays priced once each, ${duplicates} duplicate ledger entries, ledger balance ${balance}`,
      );
      await waitHealthyContainer(worker);
      expect(record({ scenario: '6. worker SIGKILL mid-job', notes, problems })).toEqual([]);
    },
  );
});
