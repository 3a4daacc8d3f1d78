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

/*
 * 任务表单中的案件页链接（每个表单都有一个指向 /ui/workspace/case.html?caseNo=… 的链接）：
 * - 链接在新窗口打开，任务页保持不变；
 * - 旁边多一个“在旁边查看”按钮：案件页在任务表单左侧打开（覆盖筛选器和任务列表两栏），表单仍可填写；
 * - 链接地址带 #beside 的（案卷评查的评分表单）自动在旁边打开。
 */
const CASE_PAGE = '/ui/workspace/case.html';
let besidePanel = null;

function besideLeft() {
  const task = document.querySelector('.column-right') || document.querySelector('[cam-tasklist-task]');
  const left = task ? task.getBoundingClientRect().left : window.innerWidth / 2;
  return Math.max(320, Math.round(left));
}

function closeBeside() {
  if (besidePanel) {
    besidePanel.remove();
    besidePanel = null;
  }
}

function openBeside(href) {
  const url = new URL(href, location.origin);
  url.searchParams.set('embed', '1');
  url.hash = '';
  if (besidePanel && besidePanel.dataset.src === url.toString()) return;
  closeBeside();
  const header = document.querySelector('[cam-widget-header]');
  const top = header ? Math.round(header.getBoundingClientRect().bottom) : 50;
  besidePanel = document.createElement('div');
  besidePanel.id = 'platform-case-beside';
  besidePanel.dataset.src = url.toString();
  besidePanel.style.top = top + 'px';
  besidePanel.style.width = besideLeft() + 'px';
  const bar = document.createElement('div');
  bar.className = 'platform-beside-bar';
  const title = document.createElement('span');
  title.textContent = '案件页（与任务表单并排）';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn-xs btn-default';
  close.id = 'platform-case-beside-close';
  close.textContent = '关闭';
  close.addEventListener('click', closeBeside);
  bar.append(title, close);
  const frame = document.createElement('iframe');
  frame.id = 'platform-case-frame';
  frame.title = '案件页';
  frame.src = url.toString();
  besidePanel.append(bar, frame);
  document.body.appendChild(besidePanel);
}

function enhanceCaseLinks() {
  const links = document.querySelectorAll('.fjs-container a[href*="' + CASE_PAGE + '"]');
  if (!links.length) closeBeside();
  links.forEach(link => {
    if (link.dataset.platformCaseLink) return;
    link.dataset.platformCaseLink = '1';
    link.target = '_blank';
    link.rel = 'noopener';
    link.classList.add('platform-case-link');
    const beside = document.createElement('button');
    beside.type = 'button';
    beside.className = 'btn btn-xs btn-default platform-beside-button';
    beside.textContent = '在旁边查看';
    beside.addEventListener('click', () => openBeside(link.href));
    link.after(beside);
    if (link.href.endsWith('#beside')) openBeside(link.href);
  });
}

new MutationObserver(() => enhanceCaseLinks()).observe(document.body, { childList: true, subtree: true });
window.addEventListener('resize', () => { if (besidePanel) besidePanel.style.width = besideLeft() + 'px'; });
window.addEventListener('hashchange', () => {
  if (!/[?&]task=/.test(location.hash)) closeBeside();
});

export default [];
