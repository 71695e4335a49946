/**
 * Icons as inline SVG (emoji and symbol fonts such as 🖶 are missing on many classroom
 * machines). Each is decorative: the control it sits in carries the words. 1em square, drawn
 * in the text colour, so it follows the button's size and theme.
 */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

/** A printer. */
export function PrintIcon() {
  return (
    <Icon>
      <path d="M7 9V3h10v6" />
      <rect x="3" y="9" width="18" height="8" rx="2" />
      <path d="M7 14h10v7H7z" />
    </Icon>
  );
}

/** An arrow down onto a tray: save a file. */
export function DownloadIcon() {
  return (
    <Icon>
      <path d="M12 3v12" />
      <path d="M7 10l5 5 5-5" />
      <path d="M4 17v3h16v-3" />
    </Icon>
  );
}

/** A house. */
export function HomeIcon() {
  return (
    <Icon>
      <path d="M3 11l9-8 9 8" />
      <path d="M5 9.5V21h5v-6h4v6h5V9.5" />
    </Icon>
  );
}

/** An open folder: choose a file. */
export function FileIcon() {
  return (
    <Icon>
      <path d="M3 7V5a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v2" />
      <path d="M3 9h18l-2 10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    </Icon>
  );
}

/** A tick: chosen. */
export function CheckIcon() {
  return (
    <Icon>
      <path d="M4 12.5l5 5L20 6.5" />
    </Icon>
  );
}
