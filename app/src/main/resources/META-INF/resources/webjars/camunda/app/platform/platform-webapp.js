/*
 * 生态环境案件平台 — Camunda Webapp 的平台脚本，唯一的一份：Welcome、Tasklist、Cockpit、Admin 四个应用的
 * scripts/config.js 都以 customScripts: ['../platform/platform-webapp'] 引用它（地址 /camunda/app/platform/platform-webapp.js）。
 *
 * 1. 所有应用：Camunda 7 社区版在每个页面顶部显示红色的“迁移到 Camunda 8”横幅（.ce-eol-banner）：那是管理员的事。
 *    styles/user-styles.css 默认隐藏它；登录用户能进入 Admin 应用（管理员）时，body 带 platform-admin，横幅照常显示。
 * 2. 仅 Tasklist：任务表单中的案件页链接（见下文）。
 */
const base = document.querySelector('base');
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const appName = base ? base.getAttribute('app-name') : null;

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
 * - 只在确有案件页时显示：流程没有案号（caseNo 为空），或案号不是平台上的案件（法院案号、检查编号、移送编号等，
 *   或当前用户无权查看），链接换成一句说明，不再指向“案件不存在”的页面；
 * - 链接在新窗口打开，任务页保持不变；
 * - 旁边多一个“在旁边查看”按钮：案件页在任务表单左侧打开（覆盖筛选器和任务列表两栏），表单仍可填写；
 * - 链接地址带 #beside 的（案卷评查的评分表单）自动在旁边打开。
 */
const CASE_PAGE = '/ui/workspace/case.html';
const NO_CASE_PAGE = '本流程没有对应的案件页（未关联行政处罚案件，或无权查看该案件）';
const casePages = new Map(); // caseNo → Promise<boolean>: whether /api/cases/{caseNo} opens for this user
let besidePanel = null;

function casePageOpens(caseNo) {
  if (!caseNo || !caseNo.trim()) return Promise.resolve(false);
  if (!casePages.has(caseNo)) {
    // the cheapest read of the case behind the same access check as the case page (no “case viewed” trail entry)
    casePages.set(caseNo, fetch('/api/cases/' + encodeURIComponent(caseNo) + '/dossier/versions',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => r.ok).catch(() => false));
  }
  return casePages.get(caseNo);
}

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

function enhance(link) {
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
}

function withoutCasePage(link) {
  const note = document.createElement('span');
  note.className = 'platform-no-case-page text-muted';
  note.textContent = NO_CASE_PAGE;
  link.replaceWith(note);
}

function enhanceCaseLinks() {
  const links = document.querySelectorAll('.fjs-container a[href*="' + CASE_PAGE + '"]');
  if (!links.length) closeBeside();
  links.forEach(link => {
    if (link.dataset.platformCaseLink) return;
    link.dataset.platformCaseLink = 'checking';
    link.style.visibility = 'hidden';
    const caseNo = new URL(link.href, location.origin).searchParams.get('caseNo');
    casePageOpens(caseNo).then(opens => {
      if (!link.isConnected) return;
      link.dataset.platformCaseLink = opens ? 'case' : 'none';
      link.style.visibility = '';
      if (opens) enhance(link); else withoutCasePage(link);
    });
  });
}

if (appName === 'tasklist') {
  new MutationObserver(() => enhanceCaseLinks()).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('resize', () => { if (besidePanel) besidePanel.style.width = besideLeft() + 'px'; });
  window.addEventListener('hashchange', () => {
    if (!/[?&]task=/.test(location.hash)) closeBeside();
  });
}

export default [];
