import { defineConfig } from 'wxt';

// Extension manifest and build. Site origins are fixed; the sync server's origin is asked for at
// sign-in (optional_host_permissions), so the extension never holds access it does not use.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: 'Switchboard',
    description:
      'Team routing on X, LinkedIn and Facebook: who owns this post, who is answering it.',
    permissions: ['storage', 'notifications', 'alarms'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
  },
});
