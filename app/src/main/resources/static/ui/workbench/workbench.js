/*
 * 裁量基准工作台 — the policy analysts' decision workbench. dmn-js (bpmn.io) edits the table or the DRD; the edit is
 * saved as a draft with a reason; the page shows the rule-by-rule diff, runs the test suite and the guard rails,
 * replays the draft over past cases (what-if, ECharts) and publishes with a reason. Every text is escaped.
 */
(() => {
  const { api, esc, showError, money } = Platform;
  const $ = id => document.getElementById(id);

  /** dmn-js labels in Chinese (its translate module; untranslated strings stay as they are). */
  const ZH = {
    'Add rule': '添加规则', 'Add rule above': '在上方添加规则', 'Add rule below': '在下方添加规则',
    'Remove rule': '删除规则', 'Copy rule': '复制规则', 'Cut rule': '剪切规则', 'Paste rule above': '粘贴到上方',
    'Paste rule below': '粘贴到下方', 'Move rule': '移动规则', 'Add input': '添加输入', 'Add output': '添加输出',
    'Add input column left': '在左侧添加输入列', 'Add input column right': '在右侧添加输入列',
    'Add output column left': '在左侧添加输出列', 'Add output column right': '在右侧添加输出列',
    'Remove input column': '删除输入列', 'Remove output column': '删除输出列', 'Copy input column': '复制输入列',
    'Copy output column': '复制输出列', 'Cut input column': '剪切输入列', 'Cut output column': '剪切输出列',
    'Paste input column left': '粘贴到左侧', 'Paste input column right': '粘贴到右侧',
    'Paste output column left': '粘贴到左侧', 'Paste output column right': '粘贴到右侧',
    'Add cell description': '添加单元格说明', 'Remove cell description': '删除单元格说明',
    'Input': '输入', 'Output': '输出', 'Annotation': '注释', 'Annotations': '注释', 'When': '当', 'And': '且', 'Then': '则',
    'Hit policy': '命中策略', 'Hit policy:': '命中策略：', 'Input label': '输入标签', 'Input label: ': '输入标签：',
    'Input expression': '输入表达式', 'Input expression: ': '输入表达式：', 'Output label': '输出标签',
    'Output label: ': '输出标签：', 'Output name': '输出名称', 'Output name: ': '输出名称：', 'Type': '类型',
    'Input type': '输入类型', 'Output type': '输出类型', 'Expression language': '表达式语言',
    'Expression language:': '表达式语言：', 'Input values': '输入取值', 'Output values': '输出取值',
    'Predefined values': '预设取值', 'Add values': '添加取值', 'Add predefined values': '添加预设取值',
    'Clear predefined values': '清除预设取值', 'No values': '无取值', 'Values': '取值', 'Value': '值',
    'Match one': '匹配其一', 'Match none': '都不匹配', 'Yes': '是', 'No': '否', 'Edit': '编辑', 'Delete': '删除',
    'Edit string': '编辑文字', 'Edit number': '编辑数字', 'Edit boolean': '编辑是否', 'Edit date': '编辑日期',
    'Edit input': '编辑输入', 'Edit output': '编辑输出', 'Comparison': '比较', 'Range': '区间',
    'Comparison operator': '比较运算符', 'Equals': '等于', 'Less': '小于', 'Less or equals': '小于等于',
    'Greater': '大于', 'Greater or equals': '大于等于', 'Start value': '起始值', 'End value': '结束值',
    'Include': '包含', 'Exclude': '不含', 'Strings must be in double quotes': '文字须加双引号',
    'View DRD': '查看决策需求图', 'Decision name': '决策名称', 'Decision name: ': '决策名称：',
    'Literal expression': '文字表达式', 'Variable name': '变量名', 'Variable name:': '变量名：',
    'Variable type': '变量类型', 'Variable type:': '变量类型：', 'Enter expression': '输入表达式',
    'Create decision': '新建决策', 'Create input data': '新建输入数据', 'Create knowledge source': '新建知识来源',
    'Create knowledge model': '新建知识模型', 'Append decision': '追加决策', 'Append input data': '追加输入数据',
    'Append knowledge source': '追加知识来源', 'Append business knowledge model': '追加业务知识模型',
    'Add text annotation': '添加文字注释', 'Connect to other element': '连接到其他元素',
    'Activate hand tool': '抓手工具', 'Activate lasso tool': '套索工具', 'Search in diagram': '在图中搜索',
    'Change type': '更改类型', 'Definition name': '定义名称', 'Definition ID': '定义编号', 'Resize': '调整大小',
    'Element name': '元素名称', 'Expression': '表达式', 'Kind': '种类', 'Boolean value': '是否值',
    'String value': '文字值', 'Date value': '日期值', 'Set value': '设定值', 'Custom values': '自定义取值',
  };
  function translate(template, replacements) {
    replacements = replacements || {};
    return (ZH[template] || template).replace(/{([^}]+)}/g, (_, key) => replacements[key] || '{' + key + '}');
  }

  const OUTCOMES = { NO_PENALTY: '不予处罚', MITIGATED: '减轻', LIGHTER: '从轻', STANDARD: '一般', HEAVIER: '从重' };
  const CHANGES = { ADDED: '新增', REMOVED: '删除', CHANGED: '修改' };

  let user = null;
  let analyst = false;
  let current = null;   // {decision, xml, versionTag, version}
  let draftId = null;
  let modeler = null;
  let suite = null;
  let lastRun = null;

  Platform.page('workbench').then(u => {
    user = u;
    analyst = u.groups.some(g => g.id === 'policy-analyst');
    document.querySelectorAll('.analyst-only').forEach(e => { if (!analyst) e.hidden = true; });
    // dmn-js takes additional modules per view (its "common" options drop them)
    const zh = { additionalModules: [{ translate: ['value', translate] }] };
    modeler = new DmnJS({ container: '#editor', drd: zh, decisionTable: zh, literalExpression: zh, boxedExpression: zh });
    bind();
    return loadList();
  }).catch(e => showError('#page-error', e));

  function bind() {
    $('save-draft').addEventListener('click', saveDraft);
    $('run-tests').addEventListener('click', runTests);
    $('what-if').addEventListener('click', runWhatIf);
    $('publish').addEventListener('click', publish);
    $('add-case').addEventListener('click', () => { suite.cases.push({ id: '', name: '', inputs: {}, expected: {} }); readSuite(); renderSuite(); });
    $('save-suite').addEventListener('click', saveSuite);
  }

  async function loadList() {
    const list = await api('GET', '/api/decisions');
    $('decision-list').innerHTML = '<thead><tr><th>决策</th><th>版本</th></tr></thead><tbody>' + list.map(d =>
      '<tr data-key="' + esc(d.key) + '"><td>' + esc(d.name || d.key) + '<br><span class="muted small">' + esc(d.key)
      + '</span></td><td>v' + esc(d.version) + '<br><span class="muted small">' + esc(d.versionTag || '') + '</span></td></tr>').join('')
      + '</tbody>';
    $('decision-list').querySelectorAll('tr[data-key]').forEach(tr => tr.addEventListener('click', () => open(tr.dataset.key)));
    const wanted = Platform.param('key');
    if (wanted) await open(wanted);
  }

  async function open(key) {
    $('page-error').innerHTML = '';
    try {
      current = await api('GET', '/api/decisions/' + encodeURIComponent(key));
      draftId = null;
      $('draft-card').hidden = true;
      $('draft-status').innerHTML = '';
      $('workspace').hidden = false;
      $('decision-list').querySelectorAll('tr').forEach(tr => tr.classList.toggle('active', tr.dataset.key === key));
      $('decision-title').textContent = (current.decision.name || key) + '（' + key + '）';
      $('decision-version').textContent = '已发布 v' + current.version + (current.versionTag ? ' · ' + current.versionTag : '');
      await modeler.importXML(current.xml);
      await showViews(key);
      await loadSuite();
      if (analyst) await loadDrafts();
    } catch (e) {
      showError('#page-error', e);
    }
  }

  async function showViews(key) {
    const views = modeler.getViews();
    const wanted = views.find(v => v.element.id === key && v.type !== 'drd') || views[0];
    await modeler.open(wanted);
    renderTabs();
  }

  function renderTabs() {
    const active = modeler.getActiveView();
    const views = modeler.getViews();
    $('view-tabs').innerHTML = views.map((v, i) => '<button class="secondary' + (v === active ? ' active' : '')
      + '" data-view="' + i + '">' + esc(v.type === 'drd' ? '决策需求图' : (v.element.name || v.element.id)) + '</button>').join('');
    $('view-tabs').querySelectorAll('button').forEach(b => b.addEventListener('click', async () => {
      await modeler.open(views[Number(b.dataset.view)]);
      renderTabs();
    }));
  }

  async function saveDraft() {
    $('draft-status').innerHTML = '';
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const draft = await api('POST', '/api/decisions/' + encodeURIComponent(current.decision.key) + '/drafts',
        { xml, reason: $('draft-reason').value });
      draftId = draft.id;
      $('draft-status').innerHTML = '<div class="message info" id="draft-saved">已保存草稿 ' + esc(draft.id) + '：'
        + esc(draft.createdBy) + ' 于 ' + esc(new Date(draft.createdAt).toLocaleString('zh-CN')) + '，理由：' + esc(draft.reason) + '</div>';
      $('draft-card').hidden = false;
      $('draft-id').textContent = '#' + draft.id + '（基于 v' + draft.baseVersion + '）';
      $('guards').innerHTML = '尚未运行';
      $('whatif-summary').innerHTML = '尚未回放';
      $('whatif-cases').innerHTML = '';
      $('whatif-charts').hidden = true;
      $('publish-result').innerHTML = '';
      $('draft-error').innerHTML = '';
      await showDiff();
      await loadDrafts();
    } catch (e) {
      showError('#draft-status', e);
    }
  }

  async function showDiff() {
    const diff = await api('GET', '/api/decisions/drafts/' + draftId + '/diff');
    if (!diff.decisions.length) {
      $('diff').innerHTML = '<span class="muted" id="diff-empty">与已发布版本相同</span>';
      return;
    }
    $('diff').innerHTML = '<p>新增 ' + diff.added + ' 条、删除 ' + diff.removed + ' 条、修改 ' + diff.changed + ' 条规则</p>'
      + diff.decisions.map(d => '<div><b>' + esc(d.name || d.decisionKey) + '</b>'
        + (d.columns || []).map(c => '<div class="muted small">' + esc(c) + '</div>').join('')
        + (d.hitPolicyBefore && d.hitPolicyBefore !== d.hitPolicyAfter ? '<div>命中策略：<del>' + esc(d.hitPolicyBefore) + '</del> → <ins>' + esc(d.hitPolicyAfter) + '</ins></div>' : '')
        + (d.expressionBefore !== null || d.expressionAfter !== null ? '<div>表达式：<del>' + esc(d.expressionBefore) + '</del> → <ins>' + esc(d.expressionAfter) + '</ins></div>' : '')
        + d.rules.map(r => '<div class="diff-rule ' + esc(r.change) + '">' + esc(CHANGES[r.change]) + '规则 ' + esc(r.position)
          + (r.annotation ? ' <span class="muted small">' + esc(r.annotation.slice(0, 60)) + '</span>' : '')
          + r.cells.filter(c => r.change === 'CHANGED' || (c.before || c.after)).map(c => '<div class="small">' + esc(c.column) + '：'
            + (c.before !== null ? '<del>' + esc(c.before) + '</del>' : '') + (c.before !== null && c.after !== null ? ' → ' : '')
            + (c.after !== null ? '<ins>' + esc(c.after) + '</ins>' : '') + '</div>').join('') + '</div>').join('')
        + '</div>').join('');
  }

  async function runTests() {
    $('draft-error').innerHTML = '';
    $('guards').textContent = '运行中……';
    try {
      const report = await api('POST', '/api/decisions/drafts/' + draftId + '/test');
      lastRun = report.suite;
      $('guards').innerHTML = '<p id="guards-verdict" class="' + (report.passed ? 'badge ok' : 'badge bad') + '">'
        + (report.passed ? '全部通过，可以发布' : '未通过，不能发布') + '</p>'
        + (report.sweep ? '<p class="muted small">生成的输入组合 ' + report.sweep + ' 个</p>' : '')
        + report.guards.map(g => '<div class="guard"><span class="badge ' + (g.passed ? 'ok' : 'bad') + '">'
          + (g.passed ? '通过' : '未通过') + '</span> 【' + esc(g.code) + '】' + esc(g.name)
          + (g.passed ? '' : '（' + g.violations + ' 处）<ul>' + g.examples.map(x => '<li>' + esc(x) + '</li>').join('') + '</ul>')
          + '</div>').join('');
      renderSuite();
    } catch (e) {
      $('guards').textContent = '';
      showError('#draft-error', e);
    }
  }

  async function runWhatIf() {
    $('draft-error').innerHTML = '';
    $('whatif-summary').textContent = '回放中……';
    try {
      const r = await api('POST', '/api/decisions/drafts/' + draftId + '/what-if', {
        from: $('wf-from').value || null, to: $('wf-to').value || null,
        region: $('wf-region').value || null, violationType: $('wf-type').value || null });
      $('whatif-summary').innerHTML = '<p id="whatif-result">回放 <b>' + r.evaluated + '</b> 件，结果改变 <b>' + r.changed
        + '</b> 件：罚款提高 <b class="up">' + r.up + '</b> 件（合计 ' + esc(money(r.totalIncrease)) + '），降低 <b class="down">'
        + r.down + '</b> 件（合计 ' + esc(money(r.totalDecrease)) + '）' + (r.unmatched ? '，无规则命中 ' + r.unmatched + ' 件' : '') + '</p>';
      $('whatif-charts').hidden = false;
      chart('whatif-chart-type', '按违法类型', r.byType);
      chart('whatif-chart-region', '按地区', r.byRegion);
      $('whatif-cases').innerHTML = !r.cases.length ? '' : '<table class="data" id="whatif-case-table"><thead><tr><th>案号</th><th>地区</th>'
        + '<th>违法类型</th><th>当时版本</th><th>原结果</th><th class="num">原罚款</th><th>新结果</th><th class="num">新罚款</th><th class="num">变化</th></tr></thead><tbody>'
        + r.cases.map(c => '<tr><td>' + esc(c.caseNo) + '</td><td>' + esc(c.region) + '</td><td>' + esc(c.violationTypeName)
          + '</td><td>' + esc(c.recordedVersion) + '</td><td>' + esc(OUTCOMES[c.oldOutcome] || c.oldOutcome) + '</td><td class="num">'
          + esc(money(c.oldFine)) + '</td><td>' + esc(c.newOutcome ? (OUTCOMES[c.newOutcome] || c.newOutcome) : '无规则命中')
          + '</td><td class="num">' + esc(money(c.newFine)) + '</td><td class="num ' + (c.delta > 0 ? 'up' : c.delta < 0 ? 'down' : '') + '">'
          + esc((c.delta > 0 ? '+' : '') + money(c.delta)) + '</td></tr>').join('') + '</tbody></table>'
        + (r.casesTruncated ? '<p class="muted">仅列出前 ' + r.cases.length + ' 件</p>' : '');
    } catch (e) {
      $('whatif-summary').textContent = '';
      showError('#draft-error', e);
    }
  }

  function chart(id, title, groups) {
    if (typeof echarts === 'undefined') return;
    const keys = Object.keys(groups);
    const c = echarts.getInstanceByDom($(id)) || echarts.init($(id));
    c.setOption({
      animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: keys.length > 3 ? 90 : 60 },
      xAxis: { type: 'category', data: keys.map(k => groups[k].label || k), axisLabel: { interval: 0, rotate: keys.length > 3 ? 20 : 0 } },
      yAxis: { type: 'value', name: '件', minInterval: 1 },
      series: [
        { name: '罚款提高', type: 'bar', stack: 'c', color: '#c0392b', data: keys.map(k => groups[k].up) },
        { name: '罚款降低', type: 'bar', stack: 'c', color: '#2e7d32', data: keys.map(k => groups[k].down) },
        { name: '未改变', type: 'bar', stack: 'c', color: '#b8c2cf', data: keys.map(k => groups[k].evaluated - groups[k].changed) },
      ],
    }, true);
  }

  async function publish() {
    $('publish-result').innerHTML = '';
    try {
      const r = await api('POST', '/api/decisions/drafts/' + draftId + '/publish',
        { reason: $('publish-reason').value, versionTag: $('publish-tag').value || null });
      $('publish-result').innerHTML = '<div class="message info" id="published">已发布 ' + esc(r.decisionKey) + ' v' + esc(r.version)
        + '（版本标签 ' + esc(r.versionTag) + '）。' + esc(r.whatIf || '') + '</div>';
      const key = current.decision.key;
      await loadList();
      current = await api('GET', '/api/decisions/' + encodeURIComponent(key));
      $('decision-version').textContent = '已发布 v' + current.version + (current.versionTag ? ' · ' + current.versionTag : '');
      await loadDrafts();
    } catch (e) {
      showError('#publish-result', e);
    }
  }

  // ------------------------------------------------------------------------------------------ suites

  async function loadSuite() {
    suite = await api('GET', '/api/decisions/' + encodeURIComponent(current.decision.key) + '/suites');
    lastRun = null;
    renderSuite();
  }

  function columns() {
    const inputs = new Set(), outputs = new Set();
    suite.cases.forEach(c => { Object.keys(c.inputs || {}).forEach(k => inputs.add(k)); Object.keys(c.expected || {}).forEach(k => outputs.add(k)); });
    return { inputs: [...inputs], outputs: [...outputs] };
  }

  function show(value) {
    return value === null || value === undefined ? '' : String(value);
  }

  function parse(text) {
    const t = text.trim();
    if (t === '') return null;
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    return t;
  }

  function renderSuite() {
    const cols = columns();
    const results = {};
    (lastRun ? lastRun.results : []).forEach(r => { results[r.id] = r; });
    const ro = analyst ? '' : ' readonly';
    $('suite-table').innerHTML = '<thead><tr><th>编号</th><th>名称</th>'
      + cols.inputs.map(k => '<th>输入 ' + esc(k) + '</th>').join('') + cols.outputs.map(k => '<th>预期 ' + esc(k) + '</th>').join('')
      + '<th>结果</th>' + (analyst ? '<th></th>' : '') + '</tr></thead><tbody>'
      + suite.cases.map((c, i) => {
        const r = results[c.id];
        const bad = r && !r.passed ? new Set(r.mismatches.map(m => m.output)) : new Set();
        return '<tr data-row="' + i + '"><td><input data-f="id" value="' + esc(c.id) + '"' + ro + '></td>'
          + '<td><input data-f="name" value="' + esc(c.name) + '"' + ro + '></td>'
          + cols.inputs.map(k => '<td><input data-in="' + esc(k) + '" value="' + esc(show((c.inputs || {})[k])) + '"' + ro + '></td>').join('')
          + cols.outputs.map(k => '<td class="' + (r ? (bad.has(k) ? 'fail' : 'pass') : '') + '"><input data-out="' + esc(k) + '" value="'
            + esc(show((c.expected || {})[k])) + '"' + ro + '></td>').join('')
          + '<td>' + (r ? (r.passed ? '<span class="badge ok">通过</span>' : '<span class="badge bad" title="' + esc(r.error
            || r.mismatches.map(m => m.output + ' 实际 ' + show(m.actual)).join('；')) + '">未通过</span>') : '') + '</td>'
          + (analyst ? '<td><button class="secondary" data-del="' + i + '">删除</button></td>' : '') + '</tr>';
      }).join('') + '</tbody>';
    $('suite-table').querySelectorAll('button[data-del]').forEach(b => b.addEventListener('click', () => {
      readSuite();
      suite.cases.splice(Number(b.dataset.del), 1);
      renderSuite();
    }));
  }

  function readSuite() {
    $('suite-table').querySelectorAll('tbody tr').forEach(tr => {
      const c = suite.cases[Number(tr.dataset.row)];
      c.id = tr.querySelector('[data-f="id"]').value;
      c.name = tr.querySelector('[data-f="name"]').value;
      c.inputs = {}; c.expected = {};
      tr.querySelectorAll('[data-in]').forEach(e => { c.inputs[e.dataset.in] = parse(e.value); });
      tr.querySelectorAll('[data-out]').forEach(e => { if (e.value.trim() !== '') c.expected[e.dataset.out] = parse(e.value); });
    });
  }

  async function saveSuite() {
    $('suite-error').innerHTML = '';
    try {
      readSuite();
      suite = await api('PUT', '/api/decisions/' + encodeURIComponent(current.decision.key) + '/suites', suite);
      lastRun = null;
      renderSuite();
      $('suite-error').innerHTML = '<div class="message info">已保存 ' + suite.cases.length + ' 个用例</div>';
    } catch (e) {
      showError('#suite-error', e);
    }
  }

  async function loadDrafts() {
    const drafts = await api('GET', '/api/decisions/' + encodeURIComponent(current.decision.key) + '/drafts');
    $('draft-list').innerHTML = '<thead><tr><th>草稿</th><th>起草人</th><th>时间</th><th>理由</th><th>状态</th></tr></thead><tbody>'
      + drafts.slice(0, 20).map(d => '<tr><td>#' + esc(d.id) + '（基于 v' + esc(d.baseVersion) + '）</td><td>' + esc(d.createdBy)
        + '</td><td>' + esc(new Date(d.createdAt).toLocaleString('zh-CN')) + '</td><td>' + esc(d.reason) + '</td><td>'
        + (d.status === 'PUBLISHED' ? '<span class="badge ok">已发布 ' + esc(d.versionTag) + '</span><br><span class="small muted">'
          + esc(d.publishedBy) + '：' + esc(d.publishReason) + '</span>' : '<span class="badge">草稿</span>') + '</td></tr>').join('')
      + '</tbody>';
  }
})();
