import Link from 'next/link';
import { FindingsIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';

export default function Forbidden() {
  return (
    <Card>
      <EmptyState
        icon={<FindingsIcon />}
        title="403 · You don't have access to this page"
        actions={
          <Link href="/overview" className={buttonClasses('secondary')}>
            Back to Overview
          </Link>
        }
      >
        <p>
          Your role does not include this area. If you need it, ask a Trailhound admin to change your role.
        </p>
      </EmptyState>
    </Card>
  );
}
