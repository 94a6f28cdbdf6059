import sprite from 'dkfds/dist/img/all-svg-icons.svg';

/** Names of the dkfds icons the app uses (ids in the dkfds SVG sprite). */
export type IconName =
  'close' | 'error' | 'info' | 'language' | 'lock' | 'menu' | 'notifications' | 'print' | 'warning';

/** A decorative dkfds icon; the surrounding text carries the meaning. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon-svg ${className}` : 'icon-svg'}
      focusable="false"
      aria-hidden="true"
    >
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}
