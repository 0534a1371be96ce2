/** A list query as search params: absent and empty values left out (a cleared filter means "all"). */
export function searchParamsOf(query: object): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '')
      params[name] = value as string | number | boolean;
  return params;
}

export const requestOf = (query: object | undefined, signal: AbortSignal | undefined) => ({
  ...(query ? { searchParams: searchParamsOf(query) } : {}),
  ...(signal ? { signal } : {}),
});
