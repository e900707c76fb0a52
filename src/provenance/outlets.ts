import type { Outlet } from '../core/types.js';

/** Outlets and programmes cited in the text, each linked to its entry in data/outlets.json. */
export function findOutlets(_text: string): Outlet[] {
  return [];
}
