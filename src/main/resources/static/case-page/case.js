// The trail as a page (issue #20 §2): one bpmn-js viewer per process of the case, the path taken marked
// (path-done) and where it waits (path-waiting), time spent per step; the chronological trail beside it.
'use strict';

const KINDS = {
  PROCESS_STARTED: '流程开始', PROCESS_ENDED: '流程结束', ACTIVITY: '环节', TASK_CREATED: '任务创建',
  TASK_CLAIMED: '任务认领', TASK_COMPLETED: '任务办结', FORM_VALUES: '表单提交', DECISION: '规则决策',
  TIMER_FIRED: '定时触发', INCIDENT: '异常', DOMAIN_EVENT: '业务事件'
};

// the business key (in the URL) carries the full ID number: the server writes it into the header masked, and every
// ID number in the trail's texts is shown masked too (first four and last four characters, as ResidentIdNumber.mask)
const businessKey = decodeURIComponent(location.pathname.replace(/^\/cases\//, '').replace(/\/$/, ''));
const ID_LIKE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

function masked(text) {
  return String(text).replace(ID_LIKE, id => id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4));
}
const status = document.getElementById('status');

function duration(ms) {
  if (ms == null || ms === '') return '';
  const m = Math.round(Number(ms) / 60000);
  if (m < 1) return '不足1分钟';
  if (m < 60) return m + '分钟';
  const h = Math.floor(m / 60);
  return h < 24 ? h + '小时' + (m % 60) + '分钟' : Math.floor(h / 24) + '天' + (h % 24) + '小时';
}

function time(at) {
  return at ? new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}

async function getJson(url) {
  const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(r.status === 403 ? '无权查看此案件' : r.status === 404 ? '未找到此案件' : '加载失败（' + r.status + '）');
  return r.json();
}

async function drawDiagram(path) {
  const section = document.createElement('div');
  section.className = 'process';
  section.dataset.processDefinitionKey = path.processDefinitionKey;
  const title = document.createElement('h2');
  title.textContent = (path.processDefinitionName || path.processDefinitionKey) + '（'
    + (path.state === 'COMPLETED' ? '已办结' : path.state === 'ACTIVE' ? '办理中' : path.state) + '）';
  const box = document.createElement('div');
  box.className = 'diagram';
  section.append(title, box);
  document.getElementById('diagrams').append(section);
  const r = await fetch('/api/audit/process-definitions/' + encodeURIComponent(path.processDefinitionId) + '/xml',
    { credentials: 'same-origin' });
  if (!r.ok) throw new Error('流程图加载失败（' + r.status + '）');
  const viewer = new BpmnJS({ container: box });
  await viewer.importXML(await r.text());
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  canvas.zoom('fit-viewport');
  path.completed.forEach(id => {
    if (registry.get(id) && !path.active.includes(id)) canvas.addMarker(id, 'path-done');
  });
  path.active.forEach(id => { if (registry.get(id)) canvas.addMarker(id, 'path-waiting'); });
  Object.entries(path.durationMillis || {}).forEach(([id, ms]) => {
    const el = registry.get(id);
    if (el && el.type && /Task$/.test(el.type)) {
      const badge = document.createElement('span');
      badge.className = 'duration';
      badge.style.cssText = 'font-size:11px;background:#fff;border:1px solid #999;padding:0 2px;white-space:nowrap';
      badge.textContent = '用时' + duration(ms);
      overlays.add(id, { position: { bottom: 0, right: 0 }, html: badge });
    }
  });
}

function drawTrail(rows) {
  const body = document.querySelector('#trail tbody');
  rows.forEach(row => {
    const tr = document.createElement('tr');
    [time(row.at), KINDS[row.kind] || row.kind, row.name || row.elementId || '', row.actor || '',
      row.ruleId || '', row.detail || '', duration(row.durationMillis)].forEach(text => {
      const td = document.createElement('td');
      td.textContent = masked(text);
      tr.append(td);
    });
    body.append(tr);
  });
}

(async () => {
  try {
    const [paths, trail] = await Promise.all([
      getJson('/api/cases/' + encodeURIComponent(businessKey) + '/diagrams'),
      getJson('/api/cases/' + encodeURIComponent(businessKey) + '/trail')
    ]);
    for (const path of paths) await drawDiagram(path);
    drawTrail(trail.rows);
    status.textContent = '共 ' + paths.length + ' 个流程，' + trail.rows.length + ' 条办理记录';
    document.body.dataset.ready = 'true';
  } catch (e) {
    status.textContent = e.message;
  }
})();
