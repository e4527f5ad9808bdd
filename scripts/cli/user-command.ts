import type { Command } from 'commander';
import { recordAudit } from '../../lib/auth/audit';
import { createUser, resetPassword } from '../../lib/auth/users';
import { withDatabase } from './with-database';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage local accounts.');

  user
    .command('add <email>')
    .description(
      'Create an account. Prints a generated password unless --password or TRAILHOUND_USER_PASSWORD is given.',
    )
    .requiredOption('-r, --role <role>', 'admin, analyst or viewer')
    .option('--password <password>', 'initial password (visible in shell history; prefer the env var)')
    .action(async (email: string, options: { role: string; password?: string }) => {
      const password = options.password ?? process.env.TRAILHOUND_USER_PASSWORD;
      await withDatabase(async () => {
        const created = await createUser(email, options.role, password);
        await recordAudit({
          actor: null,
          action: 'user.create',
          targetType: 'user',
          targetId: created.user.id,
          detail: { via: 'cli', role: created.user.role },
        });
        console.log(`Created ${created.user.email} with role ${created.user.role}.`);
        if (!password) console.log(`Password: ${created.password}  (shown once; change it under Settings)`);
      });
    });

  user
    .command('reset-password <email>')
    .description('Set a new password for an account and sign out all its sessions.')
    .option('--password <password>', 'the new password (otherwise one is generated and printed)')
    .action(async (email: string, options: { password?: string }) => {
      const password = options.password ?? process.env.TRAILHOUND_USER_PASSWORD;
      await withDatabase(async () => {
        const result = await resetPassword(email, password);
        await recordAudit({
          actor: null,
          action: 'user.password_reset',
          targetType: 'user',
          targetId: result.user.id,
          detail: { via: 'cli' },
        });
        console.log(`Password reset for ${email}; its sessions were revoked.`);
        if (!password) console.log(`New password: ${result.password}`);
      });
    });
}
