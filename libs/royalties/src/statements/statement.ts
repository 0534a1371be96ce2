// A recipient's statement for one cycle, built from its ledger lines (pure):
// totals per track and per station, payable vs held (open disputes).
import type { StatementRow } from '../repositories/ledger-repository.ts';

export interface StatementRecipient {
  kind: 'user' | 'contributor';
  id: string;
  name: string;
}

export interface StatementCycle {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  status: string;
}

export interface StatementGroup {
  key: string;
  label: string;
  isrc: string | null;
  plays: number;
  seconds: number;
  payableMinor: number;
  heldMinor: number;
}

export interface Statement {
  cycle: StatementCycle;
  recipient: StatementRecipient;
  lines: StatementRow[];
  byTrack: StatementGroup[];
  byStation: StatementGroup[];
  totals: { payableMinor: number; heldMinor: number; totalMinor: number; plays: number };
}

function group(
  lines: readonly StatementRow[],
  keyOf: (l: StatementRow) => string,
  labelOf: (l: StatementRow) => string,
  isrcOf: (l: StatementRow) => string | null,
): StatementGroup[] {
  const groups = new Map<string, StatementGroup & { playIds: Set<string>; ms: number }>();
  for (const line of lines) {
    const key = keyOf(line);
    const g = groups.get(key) ?? {
      key,
      label: labelOf(line),
      isrc: isrcOf(line),
      plays: 0,
      seconds: 0,
      payableMinor: 0,
      heldMinor: 0,
      playIds: new Set<string>(),
      ms: 0,
    };
    if (!g.playIds.has(line.playId)) {
      g.playIds.add(line.playId);
      g.ms += line.durationMs;
    }
    if (line.held) g.heldMinor += line.amountMinor;
    else g.payableMinor += line.amountMinor;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map(({ playIds, ms, ...g }) => ({ ...g, plays: playIds.size, seconds: ms / 1000 }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

export function buildStatement(
  cycle: StatementCycle,
  recipient: StatementRecipient,
  lines: readonly StatementRow[],
): Statement {
  let payable = 0;
  let held = 0;
  for (const line of lines) {
    if (line.held) held += line.amountMinor;
    else payable += line.amountMinor;
  }
  return {
    cycle,
    recipient,
    lines: [...lines],
    byTrack: group(
      lines,
      (l) => l.trackId,
      (l) => l.trackTitle,
      (l) => l.isrc,
    ),
    byStation: group(
      lines,
      (l) => l.stationId,
      (l) => l.stationName,
      () => null,
    ),
    totals: {
      payableMinor: payable,
      heldMinor: held,
      totalMinor: payable + held,
      plays: new Set(lines.map((l) => l.playId)).size,
    },
  };
}
