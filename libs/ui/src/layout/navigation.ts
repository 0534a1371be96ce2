/** One entry of a portal's side navigation. `to` is an absolute path inside the portal. */
export interface NavigationItem {
  to: string;
  label: string;
}
