/* 案件页：一案一档。数据全部来自 /api，访问规则与 API 相同（无权查看时显示 API 的中文拒绝）。 */
(() => {
  const esc = Platform.esc;
  const caseNo = Platform.param('caseNo');
  const enc = encodeURIComponent;
  const base = () => '/api/cases/' + enc(caseNo);
  const FLOW = {
    'enforcement-case': '行政处罚案件', 'daily-penalty': '按日连续处罚', 'non-litigation-execution': '非诉执行',
    'injunction': '禁止令', 'restoration': '生态修复', 'mediation-routing': '诉前调解', 'appraisal': '评估鉴定',
    'judicial-confirmation': '司法确认', 'case-review': '案卷评查'
  };
  const STATE = { MET: ['ok', '按期完成'], MISSED: ['bad', '超期完成'], PENDING: ['', '办理中'], OVERDUE: ['bad', '已超期未办'] };

  if (Platform.param('embed')) document.body.classList.add('embed');

  function section(id, html) {
    document.querySelector('#' + id + ' .body').innerHTML = html;
  }

  function party(view) {
    const p = view.party || {};
    const partyLink = p.id ? '<a id="party-file-link" href="' + Workspace.partyHref(p.id) + '">查看当事人档案（一源一档）</a>' : '';
    section('party', '<dl class="kv">'
      + '<dt>当事人</dt><dd id="party-name">' + esc(p.name) + '（' + esc(p.typeLabel) + '）</dd>'
      + '<dt>统一社会信用代码/身份证号</dt><dd>' + esc(p.id) + ' ' + partyLink + '</dd>'
      + '<dt>地址</dt><dd>' + esc(p.address || '—') + '</dd>'
      + '<dt>法定代表人</dt><dd>' + esc(p.legalRepresentative || '—') + '</dd>'
      + '<dt>地区</dt><dd>' + esc(view.region) + '</dd>'
      + '<dt>领域</dt><dd>' + esc(view.domainLabel) + '</dd>'
      + '<dt>违法行为类型</dt><dd>' + esc(view.violationTypeLabel) + '</dd>'
      + '<dt>状态</dt><dd id="case-status">' + esc(view.statusLabel) + (view.outcomeLabel ? '（' + esc(view.outcomeLabel) + '）' : '') + '</dd>'
      + '<dt>违法事实</dt><dd class="facts">' + esc(view.facts || '—') + '</dd></dl>');
  }

  function tasks(view) {
    const all = (view.currentTasks || []).map(t => ({ ...t, flow: '行政处罚案件' }));
    (view.relatedProcesses || []).forEach(r => (r.currentTasks || []).forEach(t => all.push({ ...t, flow: FLOW[r.processKey] || r.processKey })));
    section('tasks', all.length ? '<table class="data"><thead><tr><th>任务</th><th>流程</th><th>岗位</th><th>办理人</th><th>到期</th><th></th></tr></thead><tbody>'
      + all.map(t => '<tr><td>' + esc(t.name) + '</td><td>' + esc(t.flow) + '</td><td>' + esc(t.candidateGroupName || t.candidateGroup || '') + '</td><td>'
        + esc(t.assignee || '未认领') + '</td><td>' + (t.due ? esc(Workspace.date(t.due)) : '—') + '</td><td><a class="task-link" target="_top" href="'
        + Workspace.taskHref(t.id) + '">在任务列表中打开</a></td></tr>').join('') + '</tbody></table>'
      : '<p class="muted">当前没有待办任务。</p>');
  }

  function deadlines(view) {
    const list = view.deadlines || [];
    section('deadlines', list.length ? '<table class="data"><thead><tr><th>期限</th><th>日期</th><th>依据</th><th>状态</th></tr></thead><tbody>'
      + list.map(d => '<tr><td>' + esc(d.label) + '</td><td>' + esc(d.date) + '</td><td>' + esc(d.basis) + '</td><td>'
        + (d.passed ? '<span class="badge bad">已过</span>' : '<span class="badge">未到</span>') + '</td></tr>').join('') + '</tbody></table>'
      : '<p class="muted">尚未计算法定期限。</p>');
  }

  function timeline(t) {
    section('timeline', '<ol class="timeline">' + t.steps.map(s => {
      const state = s.deadlineState ? STATE[s.deadlineState] : null;
      const due = s.deadline ? '　<span class="badge ' + state[0] + '">' + esc(state[1]) + '</span> ' + esc(s.deadlineLabel) + '：' + esc(s.deadline)
        + (s.deadlineBasis ? '（' + esc(s.deadlineBasis) + '）' : '') : '';
      const who = s.userName || s.userId ? esc(s.userName || s.userId) + (s.unit ? '（' + esc(s.unit) + '）' : '') : (s.kind === 'TASK' ? '待办' : '系统');
      return '<li class="kind-' + esc(s.kind) + '"><strong>' + esc(s.name) + '</strong>'
        + (s.processLabel ? ' <span class="muted">［' + esc(s.processLabel) + '］</span>' : '')
        + '<div class="when">' + (s.ended ? esc(Workspace.date(s.ended)) : '开始于 ' + esc(Workspace.date(s.started)) + '，尚未办结') + '　' + who + due + '</div></li>';
    }).join('') + '</ol>');
    section('discretion', t.discretionText
      ? '<pre class="discretion" id="discretion-text">' + esc(t.discretionText) + '</pre>'
      : '<p class="muted">尚未进行裁量。</p>');
  }

  async function documents() {
    const docs = await Platform.api('GET', base() + '/documents');
    section('documents', docs.length ? '<table class="data"><thead><tr><th>文书</th><th>生成时间</th><th>下载</th></tr></thead><tbody>'
      + docs.map(d => '<tr><td><a href="#" class="doc-preview" data-pdf="' + esc(d.pdfUrl) + '">' + esc(d.title) + '</a>'
        + (d.version > 1 ? ' <span class="muted">第' + esc(d.version) + '版</span>' : '') + '</td><td>' + esc(Workspace.date(d.createdAt))
        + '</td><td><a href="' + esc(d.pdfUrl) + '">PDF</a> <a href="' + esc(d.docxUrl) + '">DOCX</a></td></tr>').join('') + '</tbody></table>'
      : '<p class="muted">尚未生成文书。</p>');
    document.querySelectorAll('#documents a.doc-preview').forEach(a => a.addEventListener('click', e => {
      e.preventDefault();
      preview(a.dataset.pdf, a.textContent);
    }));
  }

  let previewUrl = null;
  async function preview(url, title) {
    const frame = document.getElementById('document-preview');
    const hint = document.getElementById('preview-hint');
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'platform-ui' } });
      if (!response.ok) {
        let body = {};
        try { body = await response.json(); } catch (ignored) { /* not JSON */ }
        throw new Platform.ApiError(response.status, body.code || 'HTTP-' + response.status, body.message || '文书无法打开');
      }
      const blob = await response.blob();
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      frame.src = previewUrl;
      frame.title = '文书预览：' + title;
      frame.dataset.document = title;
      frame.hidden = false;
      hint.textContent = '正在预览：' + title;
    } catch (e) {
      Platform.showError(hint, e);
    }
  }

  function related(view) {
    const list = view.relatedProcesses || [];
    const cockpit = Platform.inGroup('eco-head', 'court-judge', 'reviewer-province', 'policy-analyst');
    section('related', list.length ? '<table class="data"><thead><tr><th>流程</th><th>编号</th><th>状态</th><th>待办</th></tr></thead><tbody>'
      + list.map(r => '<tr><td>' + (cockpit ? '<a target="_top" href="/camunda/app/cockpit/default/#/process-instance/' + enc(r.processInstanceId) + '/runtime">'
          + esc(FLOW[r.processKey] || r.processKey) + '</a>' : esc(FLOW[r.processKey] || r.processKey)) + '</td><td>' + esc(r.businessKey || '—') + '</td><td>'
        + (r.active ? '办理中' : '已结束') + (r.outcome ? '（' + esc(r.outcome) + '）' : '') + '</td><td>'
        + ((r.currentTasks || []).map(t => '<a target="_top" href="' + Workspace.taskHref(t.id) + '">' + esc(t.name) + '</a>').join('、') || '—')
        + '</td></tr>').join('') + '</tbody></table>'
      : '<p class="muted">本案没有关联的法院、禁止令、修复、调解、鉴定或评查流程。</p>');
  }

  async function trail() {
    const t = await Platform.api('GET', base() + '/trail');
    const v = t.verification || {};
    const verdict = v.valid
      ? '<p id="trail-verification"><span class="badge ok">校验通过</span> 共 ' + esc(v.checked) + ' 条记录，链完整、未被改动'
        + (t.integrity && t.integrity.keyId ? '（密钥指纹 ' + esc(t.integrity.keyId) + '）' : '') + '</p>'
      : '<p id="trail-verification"><span class="badge bad">校验未通过</span> ' + esc(v.reason || '') + (v.firstBrokenSeq ? '（第 ' + esc(v.firstBrokenSeq) + ' 条起）' : '') + '</p>';
    const rows = (t.entries || []).slice().reverse();
    section('trail', verdict + '<details><summary>查看全部 ' + rows.length + ' 条留痕（最新在前）</summary><table class="data"><thead><tr><th>#</th><th>时间</th><th>人员</th><th>操作</th><th>对象</th></tr></thead><tbody>'
      + rows.map(e => '<tr><td>' + esc(e.seq) + '</td><td>' + esc(String(e.occurredAt).replace('T', ' ').slice(0, 19)) + '</td><td>' + esc(e.userId || '系统')
        + (e.unit ? '（' + esc(e.unit) + '）' : '') + '</td><td>' + esc(e.actionLabel) + '</td><td>' + esc(e.target || '') + '</td></tr>').join('')
      + '</tbody></table></details>');
  }

  /** Machine checks (GET …/checks): shown when the platform answers; hidden while that endpoint does not exist (404). */
  async function checks() {
    const box = document.getElementById('checks');
    try {
      const answer = await Platform.api('GET', base() + '/checks');
      const findings = Array.isArray(answer) ? answer : (answer.findings || []);
      box.querySelector('.body').innerHTML = findings.length
        ? '<table class="data"><thead><tr><th>评查项目</th><th>问题</th><th>详情</th><th>程度</th></tr></thead><tbody>' + findings.map(f => '<tr><td>'
          + esc(f.item || '') + '</td><td>' + esc(f.title || '') + '</td><td>' + esc(f.detail || '') + '</td><td>'
          + esc(f.severityLabel || f.severity || '') + '</td></tr>').join('') + '</tbody></table>'
        : '<p class="muted">机器检查未发现问题。</p>';
      box.hidden = false;
    } catch (e) {
      if (e.status === 404) { box.hidden = true; return; }
      Platform.showError(box.querySelector('.body'), e);
      box.hidden = false;
    }
  }

  function actions(view) {
    document.getElementById('case-actions').innerHTML =
      '<a class="button" id="dossier-link" href="' + base() + '/dossier.pdf">下载电子卷宗（PDF）</a> '
      + '<a class="button secondary" href="/ui/workspace/">返回案件列表</a>';
  }

  async function load() {
    if (!caseNo) {
      Platform.showError('#message', { code: 'CASE-001', message: '缺少案号' });
      return;
    }
    document.getElementById('case-title').textContent = '案件 ' + caseNo;
    document.title = caseNo + ' — 案件页';
    let view;
    try {
      view = await Platform.api('GET', base());
    } catch (e) {
      Platform.showError('#message', e);
      return;
    }
    document.getElementById('case').hidden = false;
    actions(view);
    party(view);
    tasks(view);
    deadlines(view);
    related(view);
    const parts = [
      Platform.api('GET', base() + '/timeline').then(timeline),
      documents(), trail(), checks()];
    for (const p of parts) {
      try { await p; } catch (e) { Platform.showError('#message', e); }
    }
    if (location.hash) {
      const target = document.querySelector(location.hash);
      if (target) target.scrollIntoView();
    }
    document.body.dataset.loaded = 'true';
  }

  Platform.page('workspace').then(load).catch(e => Platform.showError('#message', e));
})();
