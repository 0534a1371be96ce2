// Renders an inspection as the plan people read before a release.
import { formatReportText } from '@zamio/env';
import type { AppInspection } from './inspect-applications';
import { decodeLabels, routerMiddlewares } from './traefik-labels';

export function printPlan(inspections: AppInspection[], out: (line: string) => void): void {
  for (const [index, { target, current, changes, blockers, envError }] of inspections.entries()) {
    const tagChange = changes.find((c) => c.field === 'docker_registry_image_tag');
    const headline = tagChange
      ? `${show(tagChange.from)} → ${show(tagChange.to)}`
      : `stays ${show(current.docker_registry_image_tag)}`;
    out(`${index + 1}. ${target.name} (${target.uuid}) ${target.image}: ${headline}`);
    for (const change of changes) {
      if (change.field === 'docker_registry_image_tag') continue;
      if (change.field === 'custom_labels') {
        const before = routerMiddlewares(decodeLabels(change.from as string | null));
        for (const [router, middlewares] of routerMiddlewares(decodeLabels(change.to as string)))
          out(`     labels: router ${router} middlewares ${show(before.get(router))} → ${middlewares}`);
        continue;
      }
      out(`     ${change.field}: ${show(change.from)} → ${show(change.to)}`);
    }
    if (changes.length === 0) out('     no changes');
    for (const blocker of blockers) out(`   ✗ ${blocker}`);
    if (envError) {
      for (const line of formatReportText(envError).split('\n')) out(`   ${line}`);
    }
  }
}

const show = (value: unknown) =>
  value === null || value === undefined || value === '' ? '(unset)' : String(value);
