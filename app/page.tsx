import { redirect } from 'next/navigation';
import { requirePageSession } from '@/lib/auth/guards';

export default async function Home() {
  await requirePageSession();
  redirect('/overview');
}
