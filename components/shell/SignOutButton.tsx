import { logoutAction } from '@/lib/actions/logout';
import { buttonClasses } from '../ui/Button';
import { SignOutIcon } from './icons';

/** A plain form, so signing out works even before the page's JavaScript has loaded. */
export function SignOutButton() {
  return (
    <form action={logoutAction}>
      <button type="submit" className={buttonClasses('ghost', 'sm')}>
        <SignOutIcon className="size-4" />
        Sign out
      </button>
    </form>
  );
}
