// `zamio-deploy plan`: what `apply --tag` would change, and what would stop it.
import { EXIT, type DeployContext } from './deploy-context';
import { inspectApplications, isBlocked } from './inspect-applications';
import { printPlan } from './print-plan';

export async function runPlan(context: DeployContext, tag: string): Promise<number> {
  const { resources, out } = context;
  out(
    `Plan for ${resources.environment}, tag ${tag} (deploy order: ${resources.targets.map((t) => t.name).join(' → ')}):`,
  );
  const inspections = await inspectApplications(
    context.client,
    resources.targets,
    () => tag,
    resources.environment,
    { checkEnv: true },
  );
  printPlan(inspections, out);
  const blocked = inspections.filter(isBlocked);
  if (blocked.length > 0) {
    out(
      `\n${blocked.length} application(s) would be refused: ${blocked.map((i) => i.target.name).join(', ')}.`,
    );
    return EXIT.config;
  }
  const changing = inspections.filter((i) => i.changes.length > 0).length;
  out(`\n${changing} of ${inspections.length} application(s) would change. Nothing was changed.`);
  return EXIT.ok;
}
