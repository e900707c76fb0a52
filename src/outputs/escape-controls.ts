/**
 * Document text shown on a terminal: control characters other than tab and newline
 * (ESC, BEL, C1 controls) become visible `\xHH` escapes, so a document cannot clear the
 * screen or set the window title. Applied to document strings only, before colouring.
 */
export function escapeControls(s: string): string {
  return s.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
