/** The node flags of the app's image: the CMD words between `node` and the script. */
export function imageNodeFlags(app: string, root?: string): string[];
