/*
 * 生态环境执法与司法协作平台 — shared by the platform's pages (/ui/…).
 * The pages use the webapps' login (same session as Tasklist); every call goes to /api with the session cookie and,
 * when it writes, the session's anti-forgery token (X-XSRF-TOKEN) from GET /api/session.
 * Everything shown is escaped (Platform.esc); text is never inserted as HTML.
 */
const Platform = (() => {
  let current = null;

  const PAGES = [
    { key: 'home', href: '/ui/', label: '首页' },
    { key: 'workspace', href: '/ui/workspace/', label: '案件工作台' },
    { key: 'dashboard', href: '/ui/dashboard/', label: '监督看板' },
    { key: 'workbench', href: '/ui/workbench/', label: '裁量基准工作台' },
    { key: 'tasklist', href: '/camunda/app/tasklist/default/', label: '待办任务' },
  ];

  function esc(value) {
    return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** An error of the platform: the code and the Chinese message of the refusal. */
  class ApiError extends Error {
    constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  }

  async function refusal(response) {
    let code = 'HTTP-' + response.status, message = '请求失败（HTTP ' + response.status + '）';
    try {
      const body = await response.json();
      code = body.code || code;
      message = body.message || message;
    } catch (ignored) { /* not JSON */ }
    return new ApiError(response.status, code, message);
  }

  /** Calls /api; answers the parsed JSON (or the Response for non-JSON); throws ApiError on refusals. */
  async function api(method, url, body, options = {}) {
    const headers = { 'Accept': 'application/json', 'X-Requested-With': 'platform-ui' };
    if (method !== 'GET' && method !== 'HEAD') {
      if (!current) await session();
      headers['X-XSRF-TOKEN'] = current.csrfToken;
    }
    let payload = body;
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (typeof body === 'string') {
      headers['Content-Type'] = options.contentType || 'text/plain;charset=UTF-8';
    }
    const response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
    if (response.status === 401) {
      toLogin();
      throw new ApiError(401, 'AUTH-001', '请先登录');
    }
    if (!response.ok) throw await refusal(response);
    if (options.raw) return response;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
  }

  function toLogin() {
    const next = location.pathname + location.search + location.hash;
    location.href = '/ui/login.html?next=' + encodeURIComponent(next);
  }

  /** The logged-in user ({userId, name, groups, units, admin, csrfToken}); sends anonymous callers to the login page. */
  async function session() {
    const response = await fetch('/api/session', { credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'platform-ui' } });
    if (response.status === 401) { toLogin(); throw new ApiError(401, 'AUTH-001', '请先登录'); }
    if (!response.ok) throw await refusal(response);
    current = await response.json();
    return current;
  }

  function inGroup(...groups) {
    return !!current && (current.admin || current.groups.some(g => groups.includes(g.id)));
  }

  async function logout() {
    const token = current && current.csrfToken;
    await fetch('/camunda/api/admin/auth/user/default/logout', { method: 'POST', credentials: 'same-origin',
      headers: token ? { 'X-XSRF-TOKEN': token } : {} });
    location.href = '/ui/login.html';
  }

  /** Renders the header (title, navigation, user) into <header class="platform"> and answers the session. */
  async function page(activeKey) {
    const user = await session();
    document.documentElement.lang = 'zh-CN';
    let header = document.querySelector('header.platform');
    if (!header) {
      header = document.createElement('header');
      header.className = 'platform';
      document.body.prepend(header);
    }
    const units = user.units.map(u => u.name).join('、');
    header.innerHTML = '<span class="title">生态环境执法与司法协作平台</span><nav>'
      + PAGES.map(p => '<a href="' + p.href + '"' + (p.key === activeKey ? ' class="active"' : '') + '>' + esc(p.label) + '</a>').join('')
      + '</nav><span class="user" id="current-user">' + esc(user.name) + (units ? '（' + esc(units) + '）' : '')
      + '<button class="secondary" id="logout">退出</button></span>';
    header.querySelector('#logout').addEventListener('click', logout);
    return user;
  }

  /** Shows a refusal or any error in the element (a .message box), in Chinese, with its code. */
  function showError(element, error) {
    const box = typeof element === 'string' ? document.querySelector(element) : element;
    const code = error && error.code ? '【' + error.code + '】' : '';
    box.innerHTML = '<div class="message error" role="alert">' + esc(code + (error && error.message ? error.message : '操作失败')) + '</div>';
  }

  function money(value) {
    if (value === null || value === undefined || value === '') return '—';
    return Number(value).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' 元';
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  return { api, session, page, inGroup, logout, esc, showError, money, param, ApiError };
})();
