/*
 * 生态环境案件平台 — 加载于 Camunda Webapp（config.js 的 customScripts）。
 * Camunda 7 社区版在每个页面顶部显示红色的“迁移到 Camunda 8”横幅（.ce-eol-banner）：那是管理员的事。
 * styles/user-styles.css 默认隐藏它；登录用户能进入 Admin 应用（管理员）时，body 带 platform-admin，横幅照常显示。
 */
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';

async function markAdministrator() {
  try {
    const response = await fetch(appRoot + '/api/admin/auth/user/default',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const auth = response.ok ? await response.json() : null;
    const admin = !!(auth && (auth.authorizedApps || []).includes('admin'));
    document.body.classList.toggle('platform-admin', admin);
  } catch (ignored) {
    document.body.classList.remove('platform-admin');
  }
}

markAdministrator();
window.addEventListener('hashchange', markAdministrator);
export default [];
